using AfterSales.Core.Notifications;
using Azure.Messaging.ServiceBus;

namespace AfterSales.Azure.Messaging;

/// <summary>
/// Sends notification messages to the Service Bus queue as the sweep produces them: collected into a batch that goes
/// out when it is full, when it holds <see cref="MaxBatchMessages"/>, when its oldest message has waited
/// <see cref="MaxHold"/>, or on <see cref="FlushAsync"/> (the sweep's end). <c>MessageId</c> is the step key, so the
/// queue's duplicate detection drops a step sent twice. A failed send throws: the outbox row stays pending and the
/// outbox drain sends it later. One instance per invocation scope.
/// </summary>
public sealed class ServiceBusNotificationQueue(ServiceBusSender sender, TimeProvider time) : INotificationQueue, IAsyncDisposable, IDisposable
{
    public const int MaxBatchMessages = 100;
    public const int MaxMessageIdLength = 128;
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private ServiceBusMessageBatch? batch;
    private long oldestAt;

    public async Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var body = ToServiceBus(message);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            batch ??= await NewBatchAsync(cancellationToken).ConfigureAwait(false);
            if (!batch.TryAddMessage(body))
            {
                await SendHeldAsync(cancellationToken).ConfigureAwait(false);
                batch = await NewBatchAsync(cancellationToken).ConfigureAwait(false);
                if (!batch.TryAddMessage(body)) throw new InvalidOperationException($"Notification {message.StepKey} is larger than a Service Bus message may be.");
            }
            if (batch.Count == 1) oldestAt = time.GetTimestamp();
            if (batch.Count >= MaxBatchMessages || time.GetElapsedTime(oldestAt) >= MaxHold) await SendHeldAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendHeldAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public static ServiceBusMessage ToServiceBus(NotificationMessage message) =>
        new(NotificationMessageJson.Write(message))
        {
            MessageId = MessageIdFor(message.StepKey),
            ContentType = "application/json",
            Subject = NotificationMessageJson.ChannelName(message.Channel),
        };

    /// <summary>The step key; a key longer than Service Bus allows (128) becomes its SHA-256, still one id per step.</summary>
    public static string MessageIdFor(string stepKey) =>
        stepKey.Length <= MaxMessageIdLength ? stepKey
            : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stepKey)));

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        batch?.Dispose();
        gate.Dispose();
    }

    private ValueTask<ServiceBusMessageBatch> NewBatchAsync(CancellationToken cancellationToken) => sender.CreateMessageBatchAsync(cancellationToken);

    private async Task SendHeldAsync(CancellationToken cancellationToken)
    {
        if (batch is null || batch.Count == 0) return;
        using var full = batch;
        batch = null;
        await sender.SendMessagesAsync(full, cancellationToken).ConfigureAwait(false);
    }
}
