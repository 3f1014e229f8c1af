namespace AfterSales.Core.Notifications;

/// <summary>
/// Where the sweep hands each produced step to be sent (in Azure, the Service Bus <c>notifications</c> queue).
/// At-least-once: the same message may arrive twice, and the dispatcher sends it once.
/// </summary>
public interface INotificationQueue
{
    Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken);

    /// <summary>Sends whatever the queue still holds back (a queue that sends in batches); called when a producer is done.</summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
