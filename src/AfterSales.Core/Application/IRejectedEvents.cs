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

/// <summary>A page of rejected events; <paramref name="Next"/> is the cursor of the following page, null on the last.</summary>
public sealed record RejectedEventPage(IReadOnlyList<RejectedEvent> Items, string? Next);

public interface IRejectedEvents
{
    Task<RejectedEvent> AddAsync(string payload, EventRejection rejection, string source, Instant receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> rejected events, newest first, received from <paramref name="keptSince"/> to
    /// <paramref name="now"/>, read a page at a time from storage (never the whole list).
    /// </summary>
    /// <param name="after">The <see cref="RejectedEventPage.Next"/> of the previous page; null for the first.</param>
    /// <returns>Null when <paramref name="after"/> is not a cursor this list gave out.</returns>
    Task<RejectedEventPage?> ListAsync(string? after, int limit, Instant now, Instant keptSince, CancellationToken cancellationToken);

    /// <summary>Deletes the rejected events of every UTC day that ended before <paramref name="cutoff"/>.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteReceivedBeforeAsync(Instant cutoff, CancellationToken cancellationToken);

    Task<RejectedEvent?> GetAsync(string id, CancellationToken cancellationToken);

    Task MarkReplayedAsync(string id, Instant replayedAt, CancellationToken cancellationToken);
}
