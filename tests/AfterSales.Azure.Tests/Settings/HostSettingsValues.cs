using AfterSales.Azure.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Settings;

/// <summary>A complete, valid host configuration (colon keys) with per-test overrides; null removes a key.</summary>
internal static class HostSettingsValues
{
    public static Dictionary<string, string?> Valid() => new(TestSettings.Required)
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Storage:TablePrefix"] = "AfterSales",
        ["Storage:KeyHashSecret"] = TestStorage.KeyHashSecret,
        ["Texts:SurveySigningKey"] = TextTestSettings.SigningKey,
        ["Texts:SurveyLinkBase"] = TextTestSettings.LinkBase,
        ["Sms:AccountSid"] = "AC00000000000000000000000000000000",
        ["Sms:AuthToken"] = "twilio-auth-token",
        ["Sms:From"] = "+14155550100",
        ["SmsInboundUrl"] = TestSettings.Host["SmsInboundUrl"],
        ["TicketEventsQueue"] = TestSettings.Host["TicketEventsQueue"],
        ["NotificationsQueue"] = TestSettings.Host["NotificationsQueue"],
        ["SlaSweepSchedule"] = TestSettings.Host["SlaSweepSchedule"],
        ["OutboxRecoverySchedule"] = TestSettings.Host["OutboxRecoverySchedule"],
        ["RevisitsSchedule"] = TestSettings.Host["RevisitsSchedule"],
        ["WeeklyDigestSchedule"] = TestSettings.Host["WeeklyDigestSchedule"],
        ["MonthlyReportSchedule"] = TestSettings.Host["MonthlyReportSchedule"],
        ["ServiceBusConnection:fullyQualifiedNamespace"] = TestSettings.Host["ServiceBusConnection:fullyQualifiedNamespace"],
    };

    public static IConfiguration With(params (string Key, string? Value)[] overrides) => With(Valid(), overrides);

    public static IConfiguration With(Dictionary<string, string?> values, params (string Key, string? Value)[] overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is null) values.Remove(key);
            else values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
