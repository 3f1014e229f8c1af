using AfterSales.Core.Application;
using AfterSales.Core.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%SlaSweepSchedule%</c> (UTC NCRONTAB, default every 15 s): steps due by now go to the outbox, and one
/// message per step to the notifications queue. Local-time rules (business hours) live in the engine, never in the schedule.
/// </summary>
public sealed class SlaSweep(DueSweep sweep, NotificationBatch produced, ILogger<SlaSweep> logger)
{
    [Function(nameof(SlaSweep))]
    [ServiceBusOutput("%NotificationsQueue%", Connection = "ServiceBusConnection")]
    public async Task<IReadOnlyList<string>> Run([TimerTrigger("%SlaSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await sweep.SweepAsync(cancellationToken);
        logger.LogInformation("Sweep: skipped {Skipped}, due rows {DueRows}, steps {StepsProduced}, failures {Failures}",
            report.Skipped, report.DueRows, report.StepsProduced, report.Failures);
        return produced.Messages;
    }
}
