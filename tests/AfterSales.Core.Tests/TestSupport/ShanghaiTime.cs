using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Tests.TestSupport;

/// <summary>Readable local times for tests: "2026-10-12 09:00" in Asia/Shanghai.</summary>
internal static class ShanghaiTime
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static Instant At(string local) => Pattern.Parse(local).Value.InZoneStrictly(Zone).ToInstant();

    public static string Show(Instant instant) => Pattern.Format(instant.InZone(Zone).LocalDateTime);
}
