using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Tickets as an append-only list of events plus a small state row (docs/storage.md). Appending an event costs the
/// same however many events the ticket has; reading the whole history is for the sweep and the readers that need it.
/// A sweep's save is conditional on the state row's version, so concurrent sweeps retry instead of losing an update.
/// </summary>
public interface ITicketStore
{
    /// <summary>The whole ticket: every event, the keys of the steps already produced, the due-index instant.</summary>
    Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="ticketEvent"/> as a row of its own, one insert that reads and changes nothing else, so that
    /// an event costs the same however old or busy its ticket is. A ticket's first event creates the ticket; its state
    /// row comes with the first sweep's save.
    /// </summary>
    Task<AppendOutcome> TryAddEventAsync(TicketEvent ticketEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Records what a sweep did: the step keys it produced and the ticket's next due-index instant (an earlier
    /// version's reassessment note is cleared: the sweep just assessed every event), in one transaction, if the state
    /// row is still at <paramref name="expectedVersion"/> (a ticket without one yet: if none was added meanwhile).
    /// False when someone else wrote first: reload and retry.
    /// </summary>
    /// <param name="history">The history the sweep assessed (storage shows admins a summary of it).</param>
    Task<bool> TrySaveProgressAsync(
        TicketHistory history, IReadOnlyCollection<string> producedSteps, Instant? indexedDueAt, string expectedVersion, CancellationToken cancellationToken);
}

/// <summary>A ticket's state row as a point read returns it: the version a sweep's save must match and the due-index rows it names.</summary>
/// <param name="IndexedDueAt">The row of the ticket's next due instant, as the last sweep worked it out.</param>
/// <param name="ReassessAt">
/// The row an ingestion of an earlier version put (and noted here) so that the next sweep looks at events that came
/// since; ingestions now list the event's own row instead (<see cref="DueEntry.EventId"/>) and note nothing.
/// </param>
public sealed record TicketState(Instant? IndexedDueAt, Instant? ReassessAt, string Version);

public enum AppendOutcome
{
    /// <summary>The event is stored.</summary>
    Appended,
    /// <summary>An event with this id and the same content was stored before: nothing changed.</summary>
    Duplicate,
    /// <summary>An event with this id but other content was stored before: nothing changed, the new one is a conflict.</summary>
    ConflictingDuplicate,
}
