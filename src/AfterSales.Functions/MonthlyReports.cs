using AfterSales.Core.Reports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%MonthlyReportSchedule%</c> (UTC NCRONTAB, default every 5 minutes): from <c>Reports__MonthlyDay</c> /
/// <c>Reports__MonthlyAt</c> (the 1st, 09:00) in the <c>Reports__Calendar</c> zone, the managers get the report on the
/// month before, once; the other runs of the month read one row and stop.
/// </summary>
public sealed partial class MonthlyReports(MonthlyReport report, TimeProvider time, ILogger<MonthlyReports> logger)
{
    [Function(nameof(MonthlyReports))]
    public async Task Run([TimerTrigger("%MonthlyReportSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await report.RunAsync(Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (run.Idle) return;
        LogRan(logger, run.Period, run.Sent, run.Deliveries.Count - run.Sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly report {Period}: sent {Sent}, failed {Failed}")]
    private static partial void LogRan(ILogger logger, string period, int sent, int failed);
}
