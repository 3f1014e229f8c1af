using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>One row of the due index: this ticket has something due at <see cref="DueAt"/>.</summary>
/// <param name="EventId">
/// Null for the row a sweep keeps at the ticket's next due instant. For a row an ingestion put after storing an event,
/// that event's id: such a row asks the next sweep to look at the ticket, and is only ever removed by a sweep that read
/// it, so one that read the ticket after the event was stored (docs/storage.md).
/// </param>
public sealed record DueEntry(string TicketId, Instant DueAt, string? EventId = null);

/// <summary>
/// The next due instant of each ticket, kept so that a sweep reads only what is due: its reads grow with
/// the number of due rows, not with the number of open tickets.
/// </summary>
public interface IDueIndex
{
    /// <summary>Adds (or keeps) the row; idempotent.</summary>
    Task PutAsync(DueEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the row; removing a missing row is not an error.</summary>
    Task RemoveAsync(DueEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Puts every row of <paramref name="puts"/>, then removes every row of <paramref name="removals"/>: no removal
    /// before all the puts are stored. A store may batch them (rows of one partition in one request).
    /// </summary>
    async Task PutThenRemoveAsync(IReadOnlyCollection<DueEntry> puts, IReadOnlyCollection<DueEntry> removals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(puts);
        ArgumentNullException.ThrowIfNull(removals);
        foreach (var entry in puts) await PutAsync(entry, cancellationToken).ConfigureAwait(false);
        foreach (var entry in removals) await RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every row due at or before <paramref name="now"/> that has not been removed yet.</summary>
    IAsyncEnumerable<DueEntry> ReadDueAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>Tells the index that every row due by <paramref name="now"/> was handled, so later reads may start later.</summary>
    Task MarkSweptAsync(Instant now, CancellationToken cancellationToken);
}
