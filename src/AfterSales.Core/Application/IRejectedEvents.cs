using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>An event that could not be applied, kept with its raw payload so an admin can fix and replay it.</summary>
public sealed record RejectedEvent(string Id, string Payload, EventRejection Rejection, string Source, Instant ReceivedAt, Instant? ReplayedAt)
{
    /// <summary>The payload as received was longer than a rejected event keeps: <see cref="Payload"/> is its beginning.</summary>
    public bool PayloadTruncated { get; init; }

    /// <summary>The length in UTF-8 bytes of the payload as received (null for rows stored before it was recorded).</summary>
    public long? PayloadBytes { get; init; }

    /// <summary>The SHA-256 of the payload as received, UTF-8, in lower-case hex (null for rows stored before it was recorded).</summary>
    public string? PayloadSha256 { get; init; }
}

public interface IRejectedEvents
{
    Task<RejectedEvent> AddAsync(string payload, EventRejection rejection, string source, Instant receivedAt, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    IAsyncEnumerable<RejectedEvent> ListAsync(CancellationToken cancellationToken);

    Task<RejectedEvent?> GetAsync(string id, CancellationToken cancellationToken);

    Task MarkReplayedAsync(string id, Instant replayedAt, CancellationToken cancellationToken);
}
