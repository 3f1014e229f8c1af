using AfterSales.Core.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%SlaSweepSchedule%</c> (UTC NCRONTAB, default every 15 s): steps due by now go to the outbox, and one
/// message per step to the notifications queue (sent in batches as they are produced). Local-time rules (business
/// hours) live in the engine, never in the schedule.
/// </summary>
public sealed partial class SlaSweep(DueSweep sweep, ILogger<SlaSweep> logger)
{
    [Function(nameof(SlaSweep))]
    public async Task Run([TimerTrigger("%SlaSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await sweep.SweepAsync(cancellationToken);
        LogSwept(logger, report.Skipped, report.DueRows, report.StepsProduced, report.Failures);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: skipped {Skipped}, due rows {DueRows}, steps {StepsProduced}, failures {Failures}")]
    private static partial void LogSwept(ILogger logger, bool skipped, int dueRows, int stepsProduced, int failures);
}
