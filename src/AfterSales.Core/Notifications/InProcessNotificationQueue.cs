using System.Collections.Concurrent;

namespace AfterSales.Core.Notifications;

/// <summary>
/// A queue inside the process, for local runs and tests. Messages are kept in their JSON contract form, so what is
/// dequeued went through the same write and parse as a message crossing Service Bus.
/// </summary>
public sealed class InProcessNotificationQueue : INotificationQueue
{
    private readonly ConcurrentQueue<string> messages = new();

    public int Count => messages.Count;

    public Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        messages.Enqueue(NotificationMessageJson.Write(message));
        return Task.CompletedTask;
    }

    public bool TryDequeue(out NotificationMessage? message)
    {
        message = messages.TryDequeue(out var json) ? NotificationMessageJson.Parse(json) : null;
        return message is not null;
    }
}
