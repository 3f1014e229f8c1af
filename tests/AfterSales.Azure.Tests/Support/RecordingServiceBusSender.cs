using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Messaging.ServiceBus;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// Stands in for the Service Bus queue, which cannot run here (no emulator): the real <see cref="ServiceBusSender"/>
/// surface, recording each batch sent. <see cref="FailSends"/> makes sends fail as an outage would.
/// </summary>
internal sealed class RecordingServiceBusSender : ServiceBusSender
{
    // The model factory's batch adds its messages to the list it was given: that list is how a test reads a batch.
    private static readonly ConditionalWeakTable<ServiceBusMessageBatch, List<ServiceBusMessage>> Held = new();
    private readonly ConcurrentQueue<IReadOnlyList<ServiceBusMessage>> batches = new();

    public bool FailSends { get; set; }

    public override string EntityPath => "notifications";

    public IReadOnlyList<IReadOnlyList<ServiceBusMessage>> Batches => [.. batches];

    public IReadOnlyList<ServiceBusMessage> Messages => [.. batches.SelectMany(b => b)];

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        var held = new List<ServiceBusMessage>();
        var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, held);
        Held.Add(batch, held);
        return ValueTask.FromResult(batch);
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageBatch);
        ThrowIfDown();
        batches.Enqueue([.. Held.TryGetValue(messageBatch, out var held) ? held : []]);
        return Task.CompletedTask;
    }

    public override Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        batches.Enqueue([.. messages]);
        return Task.CompletedTask;
    }

    private void ThrowIfDown()
    {
        if (FailSends) throw new ServiceBusException("The namespace is unreachable (test outage).", ServiceBusFailureReason.ServiceCommunicationProblem);
    }
}
