using AfterSales.Core.Events;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.Core.Tests.Simulation;

public class StreamedSimulationTests
{
    private static Simulator NewSimulator()
    {
        var settings = TestSettings.Defaults();
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, new FakeTimeProvider(CliRun.Today));
        return new Simulator(settings, TextTestSettings.With(settings), parser, ShanghaiTime.Zone);
    }

    /// <summary>Ticket after ticket: not in time order (T-2 opens before T-1 is resolved).</summary>
    private static List<string> Lines() => [.. Events().Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8)))];

    private static List<string> LinesInTimeOrder() => [.. Events().OrderBy(e => e.OccurredAt).Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8)))];

    private static IEnumerable<TicketEvent> Events() => new[]
    {
        new TicketScript("T-1").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00"),
        new TicketScript("T-2").Opened("2026-10-12 09:30", "P3").Responded("2026-10-12 10:30").Resolved("2026-10-14 10:00"),
        new TicketScript("T-3").Opened("2026-10-13 09:00", "P2").Closed("2026-10-13 09:02"),
    }.SelectMany(t => t.Events);

    [Fact]
    public void A_streamed_run_hands_every_entry_to_the_sink_as_it_happens_and_sums_up_the_same()
    {
        var kept = NewSimulator().Run(Lines());
        var simulator = NewSimulator();
        var streamed = new List<TimelineEntry>();

        var result = simulator.Run(simulator.Read(Lines()), null, streamed.Add);

        Assert.Empty(result.Timeline);
        Assert.Equal(kept.Timeline.Select(e => (e.At, e.TicketId, e.Text)), streamed.Select(e => (e.At, e.TicketId, e.Text)));
        Assert.Equal(kept.Summary.Select(s => (s.Policy, s.Tickets, s.FirstResponseMet, s.NoFirstResponse)),
            result.Summary.Select(s => (s.Policy, s.Tickets, s.FirstResponseMet, s.NoFirstResponse)));
        Assert.Equal(3, result.Outcomes.Count);
    }

    [Fact]
    public void A_run_nobody_reads_the_timeline_of_sums_up_the_same_tickets_steps_and_texts()
    {
        var worded = NewSimulator().Run(Lines());
        var simulator = NewSimulator();

        var unworded = simulator.Run(simulator.Read(Lines()), null, sink: null);

        Assert.Equal(Described(worded.Summary), Described(unworded.Summary));
        Assert.Contains(worded.Summary, s => s.TextsPerKind.Count > 0 && s.EscalationsPerLevel.Count > 0);
        Assert.Equal(
            worded.Outcomes.Select(o => (o.TicketId, o.Policy, string.Join(",", o.Clocks), string.Join(",", o.Steps))),
            unworded.Outcomes.Select(o => (o.TicketId, o.Policy, string.Join(",", o.Clocks), string.Join(",", o.Steps))));
    }

    private static IEnumerable<string> Described(IEnumerable<PolicySummary> summary) => summary.Select(s =>
        $"{s.Policy} {s.Tickets} {s.FirstResponseMet} {s.ResolutionMet} {s.MedianFirstResponse} {s.P95FirstResponse} {s.NoFirstResponse} {s.BudgetHolds} "
        + $"{string.Join(",", s.EscalationsPerLevel)} {string.Join(",", s.TextsPerKind)}");

    [Fact]
    public void A_long_run_reports_its_progress()
    {
        var simulator = NewSimulator();
        var input = simulator.Read(Lines());
        var reports = new List<SimulationProgress>();

        simulator.Run(input, null, _ => { }, reports.Add, progressEvery: 4);

        Assert.Equal([4, 8], reports.Select(r => r.EventsApplied));
        Assert.All(reports, r => Assert.Equal(8, r.EventsTotal));
    }

    [Fact]
    public void A_file_in_time_order_is_read_twice_and_streamed_with_the_same_timeline_and_rejections()
    {
        var lines = LinesInTimeOrder();
        lines.Insert(2, "{ not json");
        var kept = NewSimulator().Run(lines);
        var simulator = NewSimulator();
        var opened = 0;

        var input = simulator.Read(() => { opened++; return lines; });
        Assert.Equal(1, opened);
        var streamed = new List<TimelineEntry>();
        var result = simulator.Run(input, null, streamed.Add);

        Assert.Equal(2, opened);
        Assert.Equal(3, Assert.Single(input.Rejected).LineNumber);
        Assert.Equal(8, input.Count);
        Assert.Equal(kept.Timeline.Select(e => (e.At, e.TicketId, e.Text)), streamed.Select(e => (e.At, e.TicketId, e.Text)));
        Assert.Equal(kept.Outcomes.Select(o => (o.TicketId, string.Join(",", o.Clocks.Values))), result.Outcomes.Select(o => (o.TicketId, string.Join(",", o.Clocks.Values))));
    }

    [Fact]
    public void A_file_out_of_time_order_is_sorted_in_memory_with_the_same_timeline()
    {
        var lines = Lines();
        var kept = NewSimulator().Run(Lines());
        var simulator = NewSimulator();
        var opened = 0;

        var input = simulator.Read(() => { opened++; return lines; });
        var streamed = new List<TimelineEntry>();
        simulator.Run(input, null, streamed.Add);

        Assert.Equal(2, opened);
        Assert.Equal(kept.Timeline.Select(e => (e.At, e.TicketId, e.Text)), streamed.Select(e => (e.At, e.TicketId, e.Text)));
    }
}
