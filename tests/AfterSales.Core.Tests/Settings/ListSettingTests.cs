using AfterSales.Core.Settings;

namespace AfterSales.Core.Tests.Settings;

public class ListSettingTests
{
    [Fact]
    public void Splits_on_commas_and_trims()
    {
        Assert.Equal(["P1", "P2", "VIP"], ListSetting.Parse(" P1 ,P2,  VIP"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",")]
    public void Empty_text_is_an_empty_list(string text)
    {
        Assert.Empty(ListSetting.Parse(text));
    }

    [Fact]
    public void Drops_empty_items()
    {
        Assert.Equal(["P1", "P2"], ListSetting.Parse("P1,,P2,"));
    }
}
