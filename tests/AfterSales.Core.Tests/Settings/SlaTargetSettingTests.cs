using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class SlaTargetSettingTests
{
    public static TheoryData<string, int, long> Valid => new()
    {
        { "P3D", 3, 0 },
        { "PT30M", 0, 30 },
        { "P1DT4H", 1, 240 },
        { "1.02:00:00", 1, 120 },
        { "00:30:00", 0, 30 },
        { "P1W", 7, 0 },
        { "P1W2DT1H", 9, 60 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Days_become_working_days_and_the_rest_working_time(string text, int workingDays, long workingMinutes)
    {
        Assert.True(SlaTargetSetting.TryParse(text, out var target, out var error), error);
        Assert.Equal(new SlaTarget(workingDays, Duration.FromMinutes(workingMinutes)), target);
    }

    [Fact]
    public void Hours_beyond_a_day_stay_working_hours()
    {
        Assert.True(SlaTargetSetting.TryParse("PT25H", out var target, out _));
        Assert.Equal(SlaTarget.FromTime(Duration.FromHours(25)), target);
    }

    [Theory]
    [InlineData("PT0S", "is zero")]
    [InlineData("P0D", "is zero")]
    [InlineData("00:00:00", "is zero")]
    [InlineData("3", "is a bare number")]
    [InlineData("3 days", "is not a duration")]
    [InlineData("P1M", "years or months")]
    [InlineData("-P1D", "is negative")]
    public void Rejects_zero_and_what_is_not_a_duration(string text, string expected)
    {
        Assert.False(SlaTargetSetting.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
