using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Benchmarks;

/// <summary>
/// Deadlines on the default business calendar from Tue 2026-09-29 10:00 Shanghai time, just before the
/// Oct 1–7 holidays: 24 h and 15 working days both have to walk across the holiday week.
/// </summary>
[MemoryDiagnoser]
public class AddWorkingTimeBenchmarks
{
    private static readonly Duration FifteenWorkingDays = Duration.FromHours(15 * 9);

    // The calendar the service ships with (Asia/Shanghai, Mon–Fri 08:30–17:30, China 2026 holidays), built from
    // the same defaults the service loads, so the benchmark measures what production runs.
    private readonly BusinessCalendar _calendar =
        SettingsLoader.LoadWithDefaults(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Teams:Default:Owner"] = "desk@example.com",
            ["Escalation:Teams:Default:Supervisor"] = "supervisor@example.com",
            ["Escalation:Teams:Default:DepartmentHead"] = "head@example.com",
            ["Escalation:Teams:Default:Manager"] = "manager@example.com",
            ["Escalation:Teams:Default:SeniorManager"] = "senior@example.com",
            ["Escalation:Teams:Default:DutyManager"] = "duty@example.com",
            ["Email:Mode"] = "Pickup",
        }).Build()).Calendars["Business"];
    private readonly Instant _start = new LocalDateTime(2026, 9, 29, 10, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();

    [Benchmark(Baseline = true)]
    public Instant Add30Minutes() => _calendar.AddWorkingTime(_start, Duration.FromMinutes(30));

    [Benchmark]
    public Instant Add24Hours() => _calendar.AddWorkingTime(_start, Duration.FromHours(24));

    [Benchmark]
    public Instant Add15WorkingDays() => _calendar.AddWorkingTime(_start, FifteenWorkingDays);
}
