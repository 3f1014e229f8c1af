using AfterSales.Azure.Sms;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Sms;

public sealed class TwilioDefaultsTests
{
    private static readonly (string Key, string Value)[] Account =
        [("Sms:AccountSid", "AC00000000000000000000000000000000"), ("Sms:AuthToken", "token"), ("Sms:From", "+14155550100")];

    [Fact]
    public void The_sms_defaults_in_settings_defaults_are_the_ones_the_client_uses()
    {
        var withDefaults = TwilioSettingsLoader.Load(SettingsLoader.WithDefaults(Configuration()));
        var withoutDefaults = TwilioSettingsLoader.Load(Configuration());

        Assert.Equal(withoutDefaults, withDefaults);
        Assert.Contains(SettingsDefaults.Values.Keys, k => k.StartsWith("Sms:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_sms_default_is_read()
    {
        var settings = TwilioSettingsLoader.Load(SettingsLoader.WithDefaults(Configuration(("Sms:Timeout", "PT3S"))));

        Assert.Equal(TimeSpan.FromSeconds(3), settings.Timeout);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] more) =>
        new ConfigurationBuilder().AddInMemoryCollection(Account.Concat(more).Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
