using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Tests.TestSupport;

/// <summary>
/// The shipped defaults plus what a deployment must add (team addresses, the SendGrid key, sender and ticket link),
/// with per-test overrides in configuration-key form.
/// </summary>
internal static class TestSettings
{
    public static readonly Dictionary<string, string?> Required = new()
    {
        ["Escalation:Teams:Default:Owner"] = "service.desk@example.com",
        ["Escalation:Teams:Default:Supervisor"] = "supervisor@example.com",
        ["Escalation:Teams:Default:DepartmentHead"] = "head@example.com",
        ["Escalation:Teams:Default:Manager"] = "manager@example.com",
        ["Escalation:Teams:Default:SeniorManager"] = "senior@example.com",
        ["Escalation:Teams:Default:DutyManager"] = "duty@example.com",
        ["Escalation:Teams:Default:RevisitTeam"] = "revisits@example.com",
        ["Escalation:Teams:metro:Supervisor"] = "metro.supervisor@example.com",
        ["Email:SendGrid:ApiKey"] = "SG.test-key",
        ["Email:From"] = "aftersales@example.com",
        ["Email:TicketUrl"] = "https://helpdesk.example.com/tickets/{ticketId}",
    };

    /// <summary>The top-level settings the Functions triggers name and the webhook URL, which a host requires.</summary>
    public static readonly Dictionary<string, string?> Host = new()
    {
        ["SmsInboundUrl"] = "https://aftersales.example.com/api/sms/inbound",
        ["TicketEventsQueue"] = "ticket-events",
        ["NotificationsQueue"] = "notifications",
        ["SlaSweepSchedule"] = "*/15 * * * * *",
        ["OutboxRecoverySchedule"] = "0 */5 * * * *",
        ["RevisitsSchedule"] = "0 */5 * * * *",
        ["WeeklyDigestSchedule"] = "0 */5 * * * *",
        ["MonthlyReportSchedule"] = "0 */5 * * * *",
        ["ServiceBusConnection:fullyQualifiedNamespace"] = "aftersales-test.servicebus.windows.net",
    };

    public static AfterSalesSettings Defaults() => With();

    public static AfterSalesSettings With(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Required);
        foreach (var (key, value) in overrides) values[key] = value;
        return SettingsLoader.LoadWithDefaults(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
