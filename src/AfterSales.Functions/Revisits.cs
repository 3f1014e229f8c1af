using AfterSales.Core.Revisits;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%RevisitsSchedule%</c> (UTC NCRONTAB, default every 5 minutes): from <c>Revisits__SendAt</c> in the
/// customers' time zone, the day's revisits get their check-in text and the revisit team its one call-list email.
/// </summary>
public sealed partial class Revisits(RevisitRun run, TimeProvider time, ILogger<Revisits> logger)
{
    [Function(nameof(Revisits))]
    public async Task Run([TimerTrigger("%RevisitsSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await run.RunAsync(Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (report.Idle) return;
        LogRan(logger, report.Today, report.MissedDays, report.Produced, report.Ended, report.CallListSent, report.CallListError);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revisits {Today}: missed days caught up {MissedDays}, produced {Produced}, ended {Ended}, call list sent {CallListSent}, error {CallListError}")]
    private static partial void LogRan(ILogger logger, LocalDate today, int missedDays, int produced, int ended, bool callListSent, string? callListError);
}
