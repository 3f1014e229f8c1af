using AfterSales.Core.Calendars;
using BenchmarkDotNet.Attributes;
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

    private readonly BusinessCalendar _calendar = ChinaBusinessCalendar.Create();
    private readonly Instant _start = new LocalDateTime(2026, 9, 29, 10, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();

    [Benchmark(Baseline = true)]
    public Instant Add30Minutes() => _calendar.AddWorkingTime(_start, Duration.FromMinutes(30));

    [Benchmark]
    public Instant Add24Hours() => _calendar.AddWorkingTime(_start, Duration.FromHours(24));

    [Benchmark]
    public Instant Add15WorkingDays() => _calendar.AddWorkingTime(_start, FifteenWorkingDays);
}
