using System.Collections.Concurrent;
using System.Diagnostics;
using AfterSales.Core.Notifications;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>Notes, for each message handed to it, the step's due instant and how long after <see cref="Start"/> it came.</summary>
public sealed class TimedNotificationQueue : INotificationQueue
{
    private readonly ConcurrentQueue<(Instant DueAt, TimeSpan After)> sent = new();
    private readonly Stopwatch clock = new();

    public IReadOnlyCollection<(Instant DueAt, TimeSpan After)> Sent => sent;

    public void Start() => clock.Restart();

    public Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        sent.Enqueue((message.DueAt, clock.Elapsed));
        return Task.CompletedTask;
    }
}
