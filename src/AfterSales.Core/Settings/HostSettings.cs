using Cronos;

namespace AfterSales.Core.Settings;

/// <summary>
/// The top-level app settings the Functions triggers name (<c>%TicketEventsQueue%</c>, <c>%SlaSweepSchedule%</c>, ...)
/// and the public URL Twilio signs its webhook calls over. Null members were not set (allowed only in a simulation).
/// </summary>
public sealed record HostSettings(
    Uri? SmsInboundUrl,
    string? TicketEventsQueue,
    string? NotificationsQueue,
    CronExpression? SlaSweepSchedule,
    CronExpression? OutboxRecoverySchedule,
    CronExpression? RevisitsSchedule,
    CronExpression? WeeklyDigestSchedule = null,
    CronExpression? MonthlyReportSchedule = null)
{
    public const string SmsInboundUrlKey = "SmsInboundUrl";
    public const string TicketEventsQueueKey = "TicketEventsQueue";
    public const string NotificationsQueueKey = "NotificationsQueue";
    public const string SlaSweepScheduleKey = "SlaSweepSchedule";
    public const string OutboxRecoveryScheduleKey = "OutboxRecoverySchedule";
    public const string RevisitsScheduleKey = "RevisitsSchedule";
    public const string WeeklyDigestScheduleKey = "WeeklyDigestSchedule";
    public const string MonthlyReportScheduleKey = "MonthlyReportSchedule";

    public static readonly IReadOnlyList<string> Keys =
        [SmsInboundUrlKey, TicketEventsQueueKey, NotificationsQueueKey, SlaSweepScheduleKey, OutboxRecoveryScheduleKey, RevisitsScheduleKey,
         WeeklyDigestScheduleKey, MonthlyReportScheduleKey];
}
