using AfterSales.Core.Revisits;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%RevisitsSchedule%</c> (UTC NCRONTAB, default every 5 minutes): from <c>Revisits__SendAt</c> in the
/// customers' time zone, the day's revisits get their check-in text and the revisit team its one call-list email.
/// </summary>
public sealed class Revisits(RevisitRun run, TimeProvider time, ILogger<Revisits> logger)
{
    [Function(nameof(Revisits))]
    public async Task Run([TimerTrigger("%RevisitsSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await run.RunAsync(Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (report.Idle) return;
        logger.LogInformation("Revisits {Today}: produced {Produced}, ended {Ended}, call list sent {CallListSent}, error {CallListError}",
            report.Today, report.Produced, report.Ended, report.CallListSent, report.CallListError);
    }
}
