using AfterSales.Core.Events;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.Core.Tests.Simulation;

public class ComparisonInputTests
{
    private static readonly FakeTimeProvider Clock = new(CliRun.Today);
    private static readonly HashSet<string> FourPriorities = new(["P1", "P2", "P3", "P4"], StringComparer.Ordinal);

    private static TicketEventParser Parser(IReadOnlySet<string> priorities, int maxFutureDays = 1) =>
        new(priorities, Duration.FromDays(maxFutureDays), Clock);

    private static Simulator NewSimulator(TicketEventParser parser)
    {
        var settings = TestSettings.Defaults();
        return new Simulator(settings, TextTestSettings.With(settings), parser, ShanghaiTime.Zone);
    }

    private static List<string> Lines(string priority) =>
    [
        .. new[]
        {
            new TicketScript("T-1").Opened("2026-10-12 09:00", "P2").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00"),
            new TicketScript("T-2").Opened("2026-10-12 09:30", priority).Responded("2026-10-12 10:30"),
        }.SelectMany(t => t.Events).OrderBy(e => e.OccurredAt).Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8))),
    ];

    [Fact]
    public void Parsers_with_the_same_priorities_window_and_clock_parse_alike_and_others_do_not()
    {
        var parser = Parser(FourPriorities);

        Assert.True(parser.ParsesLike(Parser(new HashSet<string>(FourPriorities, StringComparer.Ordinal))));
        Assert.False(parser.ParsesLike(Parser(new HashSet<string>([.. FourPriorities, "P5"], StringComparer.Ordinal))));
        Assert.False(parser.ParsesLike(Parser(FourPriorities, maxFutureDays: 2)));
        Assert.False(parser.ParsesLike(new TicketEventParser(FourPriorities, Duration.FromDays(1), new FakeTimeProvider(CliRun.Today))));
    }

    [Fact]
    public async Task Runs_whose_parsers_parse_alike_read_the_same_parsed_events_from_one_reading()
    {
        var lines = Lines("P3");
        var opened = 0;
        IEnumerable<string> Open()
        {
            opened++;
            return lines;
        }

        var (current, proposed) = Simulator.ReadForComparison(NewSimulator(Parser(FourPriorities)), NewSimulator(Parser(FourPriorities)), Open);
        var read = await Task.WhenAll(Task.Run(() => current.Events.ToList()), Task.Run(() => proposed.Events.ToList()));

        Assert.Equal(lines.Count, read[0].Count);
        Assert.True(read[0].Zip(read[1]).All(pair => ReferenceEquals(pair.First, pair.Second)));
        Assert.Equal(2, opened); // the counting pass and the events, once for both runs
        Assert.Equal(current.EventsPerTicket, proposed.EventsPerTicket);
        Assert.NotSame(current.EventsPerTicket, proposed.EventsPerTicket); // each run counts its own down
    }

    [Fact]
    public void Runs_whose_parsers_differ_each_read_the_file_as_their_settings_say()
    {
        var lines = Lines("P5");

        var (current, proposed) = Simulator.ReadForComparison(
            NewSimulator(Parser(FourPriorities)), NewSimulator(Parser(new HashSet<string>([.. FourPriorities, "P5"], StringComparer.Ordinal))), () => lines);

        Assert.Single(current.Rejected);
        Assert.Empty(proposed.Rejected);
        Assert.Equal(lines.Count - 1, current.Events.Count());
        Assert.Equal(lines.Count, proposed.Events.Count());
    }
}
