using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>Reads <see cref="HostSettings"/>: required for the host, checked when set in a simulation.</summary>
internal static partial class HostSettingsReader
{
    public static HostSettings Read(IConfiguration configuration, SettingsScope scope, SettingsErrors errors)
    {
        var required = scope == SettingsScope.Host;
        return new HostSettings(
            Read<Uri>(configuration, HostSettings.SmsInboundUrlKey, TryParseInboundUrl, required, errors,
                "the public URL Twilio calls, such as https://<app>.azurewebsites.net/api/sms/inbound; without it every inbound text is refused (403)"),
            Read<string>(configuration, HostSettings.TicketEventsQueueKey, TryParseQueue, required, errors, "the Service Bus queue of ticket events, such as ticket-events"),
            Read<string>(configuration, HostSettings.NotificationsQueueKey, TryParseQueue, required, errors, "the Service Bus queue of notifications, such as notifications"),
            Read<Cronos.CronExpression>(configuration, HostSettings.SlaSweepScheduleKey, ScheduleSetting.TryParse, required, errors, "the SLA sweep's NCRONTAB schedule, such as */15 * * * * *"),
            Read<Cronos.CronExpression>(configuration, HostSettings.OutboxRecoveryScheduleKey, ScheduleSetting.TryParse, required, errors, "the outbox recovery's NCRONTAB schedule, such as 0 */5 * * * *"),
            Read<Cronos.CronExpression>(configuration, HostSettings.RevisitsScheduleKey, ScheduleSetting.TryParse, required, errors, "the revisit run's NCRONTAB schedule, such as 0 */5 * * * *"),
            Read<Cronos.CronExpression>(configuration, HostSettings.WeeklyDigestScheduleKey, ScheduleSetting.TryParse, required, errors,
                "the weekly digest's NCRONTAB schedule (UTC; it sends at Reports__DigestDay/DigestAt local time), such as 0 */5 * * * *"),
            Read<Cronos.CronExpression>(configuration, HostSettings.MonthlyReportScheduleKey, ScheduleSetting.TryParse, required, errors,
                "the monthly report's NCRONTAB schedule (UTC; it sends at Reports__MonthlyDay/MonthlyAt local time), such as 0 */5 * * * *"));
    }

    private static T? Read<T>(IConfiguration configuration, string key, SettingParser<T> parse, bool required, SettingsErrors errors, string what)
        where T : class
    {
        var setting = configuration.GetSection(key);
        foreach (var child in setting.GetChildren()) errors.AddUnknown(child, $"none, {key} is a single value");
        var text = setting.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(setting, $"is required but missing or empty: {what}");
            return null;
        }

        if (parse(text, out var value, out var error)) return value;
        errors.Add(setting, error);
        return null;
    }

    private static bool TryParseInboundUrl(string text, [NotNullWhen(true)] out Uri? value, [NotNullWhen(false)] out string? error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out value) && value.Scheme is "https" or "http" && string.IsNullOrEmpty(value.Query))
        {
            error = null;
            return true;
        }

        value = null;
        error = $"'{text}' is not an absolute http(s) URL without query (the webhook's public URL, such as https://<app>.azurewebsites.net/api/sms/inbound)";
        return false;
    }

    private static bool TryParseQueue(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        if (QueueName().IsMatch(text))
        {
            value = text;
            error = null;
            return true;
        }

        value = null;
        error = $"'{text}' is not a Service Bus queue name (letters, digits, '.', '-', '_' and '/', starting and ending with a letter or digit, at most 260 characters)";
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,258}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
