using AfterSales.Azure.Sms;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Sms;

public class TwilioSettingsLoaderTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";

    private static TwilioSettings Load(params (string Key, string? Value)[] values) =>
        TwilioSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    private static IReadOnlyList<SettingsError> Errors(params (string Key, string? Value)[] values) =>
        Assert.Throws<SettingsValidationException>(() => Load(values)).Errors;

    [Fact]
    public void An_account_with_a_sender_number_gets_the_defaults()
    {
        var settings = Load(("Sms:AccountSid", Sid), ("Sms:AuthToken", "secret-token"), ("Sms:From", "+14155550100"));

        Assert.Equal(
            (Sid, "+14155550100", (string?)null, TwilioSettings.DefaultApiBase, TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
            (settings.AccountSid, settings.From, settings.MessagingServiceSid, settings.ApiBase, settings.Timeout, settings.MaxRetries, settings.RetryDelay, settings.MaxRetryAfter));
        Assert.DoesNotContain("secret-token", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_set_names_every_missing_key()
    {
        Assert.Equal(["Sms__AccountSid", "Sms__AuthToken", "Sms__From"], Errors().Select(e => e.Key));
    }

    [Fact]
    public void A_sender_number_and_a_messaging_service_together_are_refused()
    {
        var error = Assert.Single(Errors(("Sms:AccountSid", Sid), ("Sms:AuthToken", "t"), ("Sms:From", "+14155550100"),
            ("Sms:MessagingServiceSid", "MG0123456789abcdef0123456789abcdef")));

        Assert.Equal("Sms__MessagingServiceSid", error.Key);
    }

    [Theory]
    [InlineData("Sms:AccountSid", "AC123", "Sms__AccountSid", "is not a Twilio account sid")]
    [InlineData("Sms:From", "4155550100", "Sms__From", "is not a sender number in E.164")]
    [InlineData("Sms:Timeout", "10", "Sms__Timeout", "'10'")]
    [InlineData("Sms:MaxRetries", "50", "Sms__MaxRetries", "from 0 to 10")]
    [InlineData("Sms:StatusCallback", "/status", "Sms__StatusCallback", "is not an absolute http(s) URL")]
    [InlineData("Sms:StatusCallback", "http://aftersales.example.com/api/sms/status", "Sms__StatusCallback", "must be an https URL")]
    [InlineData("Sms:Sender", "x", "Sms__Sender", "unknown setting")]
    public void A_bad_setting_names_its_key(string key, string value, string expectedKey, string expected)
    {
        var values = new Dictionary<string, string?> { ["Sms:AccountSid"] = Sid, ["Sms:AuthToken"] = "t", ["Sms:From"] = "+14155550100", [key] = value };

        var error = Assert.Single(Errors([.. values.Select(v => (v.Key, v.Value))]));

        Assert.Equal(expectedKey, error.Key);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_callback_and_a_webhook_shared_key_are_read()
    {
        var settings = Load(("Sms:AccountSid", Sid), ("Sms:AuthToken", "t"), ("Sms:From", "+14155550100"),
            ("Sms:StatusCallback", "https://aftersales.example.com/api/sms/status"), ("Sms:WebhookSharedKey", "rule-key"));

        Assert.Equal((new Uri("https://aftersales.example.com/api/sms/status"), "rule-key"), (settings.StatusCallback, settings.WebhookSharedKey));
        Assert.DoesNotContain("rule-key", settings.ToString(), StringComparison.Ordinal);
    }
}
