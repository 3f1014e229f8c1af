using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class DurationSettingTests
{
    public static TheoryData<string, long> Valid => new()
    {
        { "PT10M", 10 },
        { "PT4H", 240 },
        { "PT24H", 1440 },
        { "P1D", 1440 },
        { "P1DT4H", 1680 },
        { "P1W", 7 * 1440 },
        { "P2W3D", 17 * 1440 },
        { "PT0S", 0 },
        { "pt10m", 10 },
        { " PT10M ", 10 },
        { "00:10:00", 10 },
        { "1.02:00:00", 1560 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Accepts_iso_8601_and_clock_syntax(string text, long minutes)
    {
        Assert.True(DurationSetting.TryParse(text, out var value, out var error), error);
        Assert.Equal(Duration.FromMinutes(minutes), value);
    }

    [Fact]
    public void Keeps_fractional_seconds()
    {
        Assert.True(DurationSetting.TryParse("PT1.5S", out var value, out _));
        Assert.Equal(Duration.FromMilliseconds(1500), value);
    }

    [Theory]
    [InlineData("10 minutes", "is not a duration (use ISO 8601 such as PT10M, or hh:mm:ss)")]
    [InlineData("10", "is a bare number")]
    [InlineData("600", "is a bare number")]
    [InlineData("1.5", "is a bare number")]
    [InlineData("10:00", "is not a duration")]
    [InlineData("25:00:00", "is not a duration")]
    [InlineData("", "is not a duration")]
    [InlineData("P", "is not a duration")]
    [InlineData("P1Y", "years or months")]
    [InlineData("P1M", "years or months")]
    [InlineData("P1Y2D", "years or months")]
    [InlineData("-PT10M", "is negative")]
    [InlineData("-00:10:00", "is negative")]
    [InlineData("PT1H-10M", "negative part")]
    [InlineData("P99999W", "longer than 100 years")]
    [InlineData("PT9999999999H", "longer than 100 years")]
    public void Rejects_what_is_not_a_fixed_positive_duration(string text, string expected)
    {
        Assert.False(DurationSetting.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }
}
