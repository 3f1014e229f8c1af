using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%OutboxRecoverySchedule%</c> (UTC, default every 5 minutes): sends steps whose queue message was lost,
/// settles attempts a crash cut short, mails the duty manager the failures (at most once per interval), deletes
/// rejected events older than <c>Events__RejectedRetention</c>, runs a bounded page of the retention purge (message
/// bodies, processed webhook ids: docs/storage.md), and puts the admins' notice of a calendar whose holidays run out in
/// the outbox (once per calendar and year).
/// </summary>
public sealed partial class OutboxRecovery(
    OutboxDrain drain,
    FailureSummary failures,
    RejectedEventRetention rejectedRetention,
    TableRetention retention,
    CalendarCoverageNotice calendars,
    ILogger<OutboxRecovery> logger)
{
    [Function(nameof(OutboxRecovery))]
    public async Task Run([TimerTrigger("%OutboxRecoverySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcomes = await drain.DrainAsync(cancellationToken);
        var reported = await failures.SendIfDueAsync(cancellationToken);
        var rejectedDeleted = await rejectedRetention.PurgeAsync(cancellationToken);
        var purged = await retention.PurgeAsync(cancellationToken);
        var noticed = await calendars.RunAsync(cancellationToken);
        LogRecovered(logger, new OutcomeCounts(outcomes), reported, rejectedDeleted, purged.TextsPurged, purged.ProcessedMessagesDeleted);
        if (noticed.Count > 0) LogCalendarNotices(logger, noticed.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar coverage: {Count} notice(s) of holidays running out put in the outbox")]
    private static partial void LogCalendarNotices(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Outbox recovery: {Outcomes}; failures reported {Reported}; rejected events past retention deleted {RejectedDeleted}; retention: {TextsPurged} text bodies purged, {IdsDeleted} processed message ids deleted")]
    private static partial void LogRecovered(ILogger logger, OutcomeCounts outcomes, int reported, int rejectedDeleted, int textsPurged, int idsDeleted);

    /// <summary>Formats as <c>Sent 3, Failed 1</c> only when the line is written.</summary>
    internal readonly record struct OutcomeCounts(IReadOnlyDictionary<DispatchOutcome, int> Counts)
    {
        public override string ToString() => string.Join(", ", Counts.Select(o => $"{o.Key} {o.Value}"));
    }
}
