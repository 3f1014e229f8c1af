using AfterSales.Functions.Http;
using NodaTime;

namespace AfterSales.Functions.Tests.Http;

public sealed class JsonTimeTests
{
    [Theory]
    [InlineData(0, "PT0S")]
    [InlineData(45, "PT45S")]
    [InlineData(25 * 60, "PT25M")]
    [InlineData(27 * 3600, "PT27H")]
    [InlineData((63 * 3600) + (25 * 60), "PT63H25M")]
    [InlineData((2 * 3600) + 5, "PT2H5S")]
    public void Durations_are_hours_minutes_and_seconds_never_days(long seconds, string expected) =>
        Assert.Equal(expected, JsonTime.Duration(Duration.FromSeconds(seconds)));

    [Fact]
    public void Fractions_of_a_second_are_dropped() =>
        Assert.Equal("PT1M", JsonTime.Duration(Duration.FromSeconds(60) + Duration.FromMilliseconds(999)));

    [Fact]
    public void A_negative_duration_is_a_bug_not_a_value() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonTime.Duration(Duration.FromMinutes(-1)));

    [Fact]
    public void Instants_are_utc_iso_8601_and_null_stays_null()
    {
        Assert.Equal("2026-10-19T00:50:00Z", JsonTime.Instant(Instant.FromUtc(2026, 10, 19, 0, 50)));
        Assert.Equal("2026-10-19T00:42:30.5Z", JsonTime.Instant(Instant.FromUtc(2026, 10, 19, 0, 42, 30) + Duration.FromMilliseconds(500)));
        Assert.Null(JsonTime.Instant(null));
    }
}
