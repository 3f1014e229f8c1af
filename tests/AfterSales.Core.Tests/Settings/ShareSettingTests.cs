using AfterSales.Core.Settings;

namespace AfterSales.Core.Tests.Settings;

public class ShareSettingTests
{
    [Theory]
    [InlineData("75%", 0.75)]
    [InlineData("0.75", 0.75)]
    [InlineData(" 80 % ", 0.8)]
    [InlineData("12.5%", 0.125)]
    [InlineData(".5", 0.5)]
    public void Reads_percentages_and_fractions(string text, double expected)
    {
        Assert.True(ShareSetting.TryParse(text, out var value, out var error), error);
        Assert.Equal(expected, value, 10);
    }

    [Theory]
    [InlineData("0", "more than 0% and less than 100%")]
    [InlineData("0%", "more than 0% and less than 100%")]
    [InlineData("1", "more than 0% and less than 100%")]
    [InlineData("100%", "more than 0% and less than 100%")]
    [InlineData("75", "more than 0% and less than 100%")]
    [InlineData("-0.5", "is not a share")]
    [InlineData("three quarters", "is not a share")]
    [InlineData("0,75", "is not a share")]
    [InlineData("", "is not a share")]
    public void Rejects_shares_outside_zero_to_one(string text, string expected)
    {
        Assert.False(ShareSetting.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
