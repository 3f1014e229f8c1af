using AfterSales.Core.Events;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.Core.Tests.Simulation;

public class SimulatorTests
{
    private static SimulationResult Simulate(params TicketScript[] tickets)
    {
        var settings = TestSettings.Defaults();
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, new FakeTimeProvider(CliRun.Today));
        var lines = tickets.SelectMany(t => t.Events).Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8)));
        return new Simulator(settings, TextTestSettings.With(settings), parser, ShanghaiTime.Zone).Run(lines);
    }

    [Fact]
    public void The_summary_counts_targets_met_and_working_time_to_first_reply_per_policy()
    {
        var result = Simulate(
            new TicketScript("T-1").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00"),
            new TicketScript("T-2").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:30").Resolved("2026-10-12 14:00"));

        var p1 = Assert.Single(result.Summary);
        Assert.Equal(("P1", 2, 0.5, 0.5), (p1.Policy, p1.Tickets, p1.FirstResponseMet, p1.ResolutionMet));
        Assert.Equal(Duration.FromMinutes(5), p1.MedianFirstResponse);
        Assert.Equal(Duration.FromMinutes(30), p1.P95FirstResponse);
        Assert.False(p1.EscalationsPerLevel.ContainsKey("p1-opened")); // the major-incident chain tells the duty manager instead
        Assert.Equal(2, p1.EscalationsPerLevel["major-incident-duty-manager"]);
        Assert.Equal(2, p1.EscalationsPerLevel["supervisor"]); // T-2: late first response, then no update within the hour
        Assert.Equal(1, p1.EscalationsPerLevel["department-head"]);
    }

    [Fact]
    public void Working_time_to_first_reply_skips_nights_and_pauses()
    {
        var result = Simulate(new TicketScript().Opened("2026-10-16 17:00", "P3").Responded("2026-10-19 09:00").Resolved("2026-10-19 10:00"));

        Assert.Equal(Duration.FromMinutes(60), Assert.Single(result.Summary).MedianFirstResponse);
    }

    [Fact]
    public void Every_step_appears_once_in_the_timeline()
    {
        var result = Simulate(new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05"));

        var keys = result.Timeline.Where(e => e.Step is not null).Select(e => e.Step!.Key).ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void The_timeline_is_in_time_order_whatever_the_order_of_the_file()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00");
        script.Events.Reverse();

        var result = Simulate(script);

        Assert.Equal(result.Timeline.Select(e => e.At).Order(), result.Timeline.Select(e => e.At));
        Assert.Contains(result.Timeline, e => e.Kind == TimelineKind.TargetMet && e.Text.StartsWith("first-response met", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ticket_closed_without_a_reply_counts_as_no_first_response_not_as_met()
    {
        var result = Simulate(
            new TicketScript("T-1").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00"),
            new TicketScript("T-2").Opened("2026-10-12 09:00", "P1").Closed("2026-10-12 09:02"));

        var p1 = Assert.Single(result.Summary);
        Assert.Equal((1.0, 1), (p1.FirstResponseMet, p1.NoFirstResponse));
        Assert.Contains(result.Timeline, e => e is { TicketId: "T-2", Kind: TimelineKind.NoFirstResponse }
            && e.Text == "first-response: none, the ticket was closed without a reply to the customer");
        Assert.DoesNotContain(result.Timeline, e => e is { TicketId: "T-2", Kind: TimelineKind.TargetMet } && e.Text.StartsWith("first-response", StringComparison.Ordinal));
    }

    [Fact]
    public void Lateness_over_a_weekend_is_told_in_working_time_with_calendar_time_beside_it()
    {
        var result = Simulate(new TicketScript().Opened("2026-10-14 08:30", "P3").Responded("2026-10-14 08:40").Resolved("2026-10-19 10:10"));

        var missed = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.TargetMissed && e.Text.StartsWith("resolution", StringComparison.Ordinal));
        Assert.Equal("resolution missed by 1 h 40 min working time (2 d 16 h 40 min)", missed.Text);
        Assert.Equal(new ClockSlack(-Duration.FromMinutes(100), -Duration.FromMinutes(64 * 60 + 40)), missed.Slack);
    }

    [Fact]
    public void A_step_line_says_when_it_was_sent_relative_to_its_deadline()
    {
        var result = Simulate(new TicketScript().Opened("2026-10-14 08:30", "P3").Responded("2026-10-14 08:40").Resolved("2026-10-20 17:00"));

        var lines = result.Timeline.Where(e => e.Kind == TimelineKind.Step).Select(e => e.Text).ToList();
        Assert.Contains(lines, l => l.Contains("[department-head: sent at the resolution deadline]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[head-unanswered: sent at the first opening after the resolution deadline (2 d 15 h later)]", StringComparison.Ordinal));
    }
}
