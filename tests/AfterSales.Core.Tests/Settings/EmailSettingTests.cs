using AfterSales.Core.Settings;

namespace AfterSales.Core.Tests.Settings;

public class EmailSettingTests
{
    [Theory]
    [InlineData("supervisor@example.com")]
    [InlineData("li.wei+sla@service.example.cn")]
    public void Accepts_plain_addresses(string text)
    {
        Assert.True(EmailSetting.TryParse(text, out var address, out var error), error);
        Assert.Equal(text, address);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("Supervisor <supervisor@example.com>")]
    [InlineData("a@b.com,c@d.com")]
    [InlineData("@example.com")]
    public void Rejects_anything_but_one_plain_address(string text)
    {
        Assert.False(EmailSetting.TryParse(text, out _, out var error));
        Assert.Contains("is not an email address", error, StringComparison.Ordinal);
    }
}
