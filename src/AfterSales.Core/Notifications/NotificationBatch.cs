namespace AfterSales.Core.Notifications;

/// <summary>
/// The notifications one sweep produced, collected in their JSON contract form so that the host sends them on in one
/// go (in Azure, the <c>SlaSweep</c> function's Service Bus output binding). One batch per sweep invocation.
/// </summary>
public sealed class NotificationBatch : INotificationQueue
{
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages) return [.. messages];
        }
    }

    public Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var json = NotificationMessageJson.Write(message);
        lock (messages) messages.Add(json);
        return Task.CompletedTask;
    }
}
