using AfterSales.Core.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions;

/// <summary>
/// One step from the notifications queue: send it at most once. A message delivered twice finds the step claimed or
/// done and sends nothing; a storage failure throws, so Service Bus redelivers (and dead-letters at the limit).
/// </summary>
public sealed partial class Notifications(NotificationDispatch dispatch, ILogger<Notifications> logger)
{
    [Function(nameof(Notifications))]
    public async Task Run(
        [ServiceBusTrigger("%NotificationsQueue%", Connection = "ServiceBusConnection")] string message,
        CancellationToken cancellationToken)
    {
        var notification = NotificationMessageJson.Parse(message);
        var outcome = await dispatch.DispatchAsync(notification, cancellationToken);
        LogDispatched(logger, notification.StepKey, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {StepKey}: {Outcome}")]
    private static partial void LogDispatched(ILogger logger, string stepKey, DispatchOutcome outcome);
}
