using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Tickets;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Tickets;

public class TicketHistoryTests
{
    [Fact]
    public void Applying_the_same_event_twice_changes_nothing()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");
        var history = script.History;

        var again = history.Apply(script.Events[1]);

        Assert.Same(history, again);
        Assert.Equal(2, again.Events.Length);
    }

    [Fact]
    public void A_resolution_that_arrives_before_the_reply_it_follows_still_gives_the_right_clocks()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00");
        var inOrder = script.History;
        var outOfOrder = Enumerable.Reverse(script.Events).Aggregate(TicketHistory.Empty("T-1"), (h, e) => h.Apply(e));
        var engine = new SlaEngine(TestSettings.Defaults());
        var at = At("2026-10-12 11:00");

        var expected = engine.Assess(inOrder, at);
        var actual = engine.Assess(outOfOrder, at);

        Assert.Equal(inOrder.Events.Select(e => e.EventId), outOfOrder.Events.Select(e => e.EventId));
        Assert.Equal(expected.Clocks, actual.Clocks);
        Assert.Equal("AgentResponded", actual.Clock(ClockPlanner.FirstResponseId).StoppedBy);
        Assert.Equal(ClockOutcome.Met, actual.Clock(ClockPlanner.FirstResponseId).OutcomeAt(at));
    }

    [Fact]
    public void Events_at_the_same_instant_replay_opening_first_and_resolution_last()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 09:00");
        var reversed = TicketHistory.Empty("T-1").Apply(script.Events[1]).Apply(script.Events[0]);

        Assert.IsType<Core.Events.TicketOpened>(reversed.Events[0]);
    }

    [Fact]
    public void An_event_of_another_ticket_is_refused()
    {
        var other = new TicketScript("T-2").Opened("2026-10-12 09:00").Events[0];

        Assert.Throws<ArgumentException>(() => TicketHistory.Empty("T-1").Apply(other));
    }

    [Fact]
    public void Sweeping_the_same_history_twice_produces_every_step_once()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").History;

        var steps = Sweep(history, until: "2026-10-12 12:00");

        Assert.NotEmpty(steps);
        Assert.Equal(steps.Count, steps.Select(s => s.Key).Distinct().Count());
    }
}
