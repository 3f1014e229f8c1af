using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Tickets as an append-only list of events plus a small state row (docs/storage.md). Appending an event costs the
/// same however many events the ticket has; reading the whole history is for the sweep and the readers that need it.
/// Every write is conditional on the state row's version, so concurrent handlers retry instead of losing an update.
/// </summary>
public interface ITicketStore
{
    /// <summary>The whole ticket: every event, the keys of the steps already produced, the due-index instant.</summary>
    Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>Only the state row (one point read): its version and the instants under which the due index lists the ticket.</summary>
    Task<TicketState?> GetStateAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="ticketEvent"/> and notes the due-index row that asks the next sweep to reassess the ticket
    /// (<paramref name="reassessAt"/>; null leaves the note as it is), in one transaction, if the state row is still
    /// at <paramref name="expectedVersion"/> (null: only if the ticket does not exist yet).
    /// </summary>
    Task<AppendOutcome> TryAppendAsync(TicketEvent ticketEvent, Instant? reassessAt, string? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Records what a sweep did: the step keys it produced and the ticket's next due-index instant (the reassessment
    /// note is cleared: the sweep just assessed every event), in one transaction,
    /// if the state row is still at <paramref name="expectedVersion"/>. False when someone else wrote first: reload and retry.
    /// </summary>
    /// <param name="history">The history the sweep assessed (storage shows admins a summary of it).</param>
    Task<bool> TrySaveProgressAsync(
        TicketHistory history, IReadOnlyCollection<string> producedSteps, Instant? indexedDueAt, string expectedVersion, CancellationToken cancellationToken);
}

/// <summary>A ticket's state row: the version a conditional write must match and the due-index rows it has.</summary>
/// <param name="IndexedDueAt">The row of the ticket's next due instant, as the last sweep worked it out.</param>
/// <param name="ReassessAt">The row an ingestion put so that the next sweep looks at events that came since.</param>
public sealed record TicketState(Instant? IndexedDueAt, Instant? ReassessAt, string Version);

public enum AppendOutcome
{
    /// <summary>The event is stored.</summary>
    Appended,
    /// <summary>An event with this id and the same content was stored before: nothing changed.</summary>
    Duplicate,
    /// <summary>An event with this id but other content was stored before: nothing changed, the new one is a conflict.</summary>
    ConflictingDuplicate,
    /// <summary>The state row changed since it was read (or a new ticket was created meanwhile): read again and retry.</summary>
    VersionChanged,
}
