using NodaTime;
using NodaTime.Text;

namespace AfterSales.Azure.Tests.Support;

/// <summary>Readable local times for tests: "2026-10-12 09:00" in Asia/Shanghai.</summary>
internal static class ShanghaiTime
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly LocalDateTimePattern ShortPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static Instant At(string local) =>
        (local.Length > 16 ? Pattern : ShortPattern).Parse(local).Value.InZoneStrictly(Zone).ToInstant();

    public static DateTimeOffset Offset(string local) => At(local).ToDateTimeOffset();

    public static string Show(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        return (local.Second == 0 ? ShortPattern : Pattern).Format(local);
    }
}
