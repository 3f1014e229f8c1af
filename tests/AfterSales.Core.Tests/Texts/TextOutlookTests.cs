using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Texts;

/// <summary>A caller that keeps a ticket's outlook between looks (the simulation) is owed exactly what a fresh plan owes, due now and planned.</summary>
public class TextOutlookTests
{
    private static readonly CustomerTextPlanner Planner = new(TestSettings.Defaults(), TextTestSettings.Defaults());
    private static readonly SlaEngine Engine = new(TestSettings.Defaults());

    private static string Describe(TextPlan plan) =>
        $"{string.Join(",", plan.DueNow.Select(t => $"{t.Key}@{Show(t.SendAt)}"))} next {(plan.NextDueAt is { } next ? Show(next) : "-")}";

    [Fact]
    public void A_kept_outlook_plans_as_a_fresh_look_does_through_replies_a_survey_sent_and_its_reminder()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Resolved("2026-10-13 15:00");
        var history = TicketHistory.Empty("T-1");
        TextOutlook? outlook = null;
        var looks = new[] { "2026-10-12 09:00", "2026-10-12 09:05", "2026-10-12 09:10", "2026-10-13 15:00", "2026-10-13 17:00", "2026-10-15 17:00", "2026-10-16 09:00" };
        var events = ticket.Events.ToList();
        var reworked = 0;

        foreach (var look in looks.Select(At))
        {
            while (events.Count > 0 && events[0].OccurredAt <= look)
            {
                history = history.Apply(events[0]);
                events.RemoveAt(0);
            }

            var fresh = Planner.Plan(history, look);
            var before = outlook;
            var kept = Planner.Plan(history, look, Engine.Assess(history, look), ref outlook);
            if (!ReferenceEquals(before, outlook)) reworked++;

            Assert.Equal(Describe(fresh), Describe(kept));
            Assert.Equal(fresh.Planned.Select(t => (t.Key, t.SendAt, t.Text.Body)), kept.Planned.Select(t => (t.Key, t.SendAt, t.Text.Body)));
            // The texts due now go out, as the simulation marks them: the survey sent is owed its reminder from then on.
            history = history.MarkProduced(kept.DueNow.Select(t => t.Key));
        }

        Assert.Contains("T-1/text/survey-reminder/1", history.ProducedSteps);
        Assert.True(reworked < looks.Length, "the outlook was worked out again at every look");
    }
}
