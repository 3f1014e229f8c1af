using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Simulation;
using AfterSales.Core.Texts;
using AfterSales.MonthGenerator;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Benchmarks;

/// <summary>
/// <c>simulate</c>'s hot path on a generated month of 2,000 tickets (about 11,000 events) with the shipped defaults:
/// reading the events (in memory and sorted, or streamed in two passes from a file already in time order) and running
/// them with a sink that drops the timeline, so the figures are the engine's, not the output's; and one side of a
/// comparison (no sink: the timeline is not worded).
/// </summary>
[MemoryDiagnoser]
public class SimulateMonthBenchmarks
{
    private List<string> lines = [];
    private AfterSalesSettings settings = null!;
    private TextSettings texts = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var month = new StringWriter();
        new MonthOfTickets(2_000, 2026).Write(month);
        lines = [.. month.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Teams:Default:Owner"] = "desk@example.com",
            ["Escalation:Teams:Default:Supervisor"] = "supervisor@example.com",
            ["Escalation:Teams:Default:DepartmentHead"] = "head@example.com",
            ["Escalation:Teams:Default:Manager"] = "manager@example.com",
            ["Escalation:Teams:Default:SeniorManager"] = "senior@example.com",
            ["Escalation:Teams:Default:DutyManager"] = "duty@example.com",
            ["Escalation:Teams:Default:RevisitTeam"] = "revisits@example.com",
            ["Email:Mode"] = "Pickup",
            ["Texts:SurveySigningKey"] = "benchmark-signing-key-0123456789abcdef-0123",
            ["Texts:SurveyLinkBase"] = "https://cs.example.cn/s/",
        }).Build();
        settings = SettingsLoader.LoadWithDefaults(configuration);
        texts = TextSettingsLoader.LoadWithDefaults(configuration, settings);
    }

    private Simulator NewSimulator()
    {
        // Times are checked against a clock in November 2026, as if the month had just ended.
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.Window, new FixedTime(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)));
        return new Simulator(settings, texts, parser, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
    }

    [Benchmark(Baseline = true)]
    public int InMemory()
    {
        var simulator = NewSimulator();
        var entries = 0;
        simulator.Run(simulator.Read(lines), null, _ => entries++);
        return entries;
    }

    [Benchmark]
    public int StreamedInTwoPasses()
    {
        var simulator = NewSimulator();
        var entries = 0;
        simulator.Run(simulator.Read(() => lines), null, _ => entries++);
        return entries;
    }

    /// <summary>One side of <c>simulate --compare</c>: streamed, with no sink, so no timeline line is worded at all.</summary>
    [Benchmark]
    public int StreamedForAComparison()
    {
        var simulator = NewSimulator();
        return simulator.Run(simulator.Read(() => lines), null, sink: null).Outcomes.Count;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
