using AfterSales.Core.Settings;

namespace AfterSales.Core.Tests.Settings;

public class BooleanSettingTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    public void Reads_true_and_false(string text, bool expected)
    {
        Assert.True(BooleanSetting.TryParse(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    public void Rejects_other_words(string text)
    {
        Assert.False(BooleanSetting.TryParse(text, out _, out var error));
        Assert.Contains("is not true or false", error, StringComparison.Ordinal);
    }
}
