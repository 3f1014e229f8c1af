using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>An event that could not be applied, kept with its raw payload so an admin can fix and replay it.</summary>
public sealed record RejectedEvent(string Id, string Payload, EventRejection Rejection, string Source, Instant ReceivedAt, Instant? ReplayedAt);

public interface IRejectedEvents
{
    Task<RejectedEvent> AddAsync(string payload, EventRejection rejection, string source, Instant receivedAt, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    IAsyncEnumerable<RejectedEvent> ListAsync(CancellationToken cancellationToken);

    Task<RejectedEvent?> GetAsync(string id, CancellationToken cancellationToken);

    Task MarkReplayedAsync(string id, Instant replayedAt, CancellationToken cancellationToken);
}
