using AfterSales.Core.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions;

/// <summary>
/// Every <c>%OutboxRecoverySchedule%</c> (UTC, default every 5 minutes): sends steps whose queue message was lost,
/// settles attempts a crash cut short, and mails the duty manager the failures (at most once per interval).
/// </summary>
public sealed class OutboxRecovery(OutboxDrain drain, FailureSummary failures, ILogger<OutboxRecovery> logger)
{
    [Function(nameof(OutboxRecovery))]
    public async Task Run([TimerTrigger("%OutboxRecoverySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcomes = await drain.DrainAsync(cancellationToken);
        var reported = await failures.SendIfDueAsync(cancellationToken);
        logger.LogInformation("Outbox recovery: {Outcomes}; failures reported {Reported}",
            string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")), reported);
    }
}
