using AfterSales.Core.Reports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%WeeklyDigestSchedule%</c> (UTC NCRONTAB, default every 5 minutes): from <c>Reports__DigestDay</c> /
/// <c>Reports__DigestAt</c> (Friday 16:00) in the <c>Reports__Calendar</c> zone, each team's supervisor and the managers
/// get the week's digest, once; the other runs of the week read one row and stop.
/// </summary>
public sealed partial class WeeklyDigests(WeeklyDigest digest, TimeProvider time, ILogger<WeeklyDigests> logger)
{
    [Function(nameof(WeeklyDigests))]
    public async Task Run([TimerTrigger("%WeeklyDigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await digest.RunAsync(Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (run.Idle) return;
        LogRan(logger, run.Period, run.Sent, run.Deliveries.Count - run.Sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest {Period}: sent {Sent}, failed {Failed}")]
    private static partial void LogRan(ILogger logger, string period, int sent, int failed);
}
