using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The rows of one ticket's partition as they are read (<see cref="TicketRowKeys"/>): the state row, the events and the
/// produced-step keys, put together as the stored ticket. A ticket stored by an earlier version has its state under
/// <see cref="TicketRowKeys.OldState"/>: that row is the state until an <c>s|</c> row is there, which is then the current
/// one. An old row in the one-row layout carries the whole history. A ticket whose events no sweep has saved yet has
/// event rows and no state row.
/// </summary>
internal sealed class TicketPartitionRows(string ticketId)
{
    private readonly List<TicketEvent> events = [];
    private readonly List<string> produced = [];

    /// <summary>The <c>s|</c> state row.</summary>
    public TableEntity? State { get; private set; }

    /// <summary>The <c>state</c> row an earlier version wrote.</summary>
    public TableEntity? OldState { get; private set; }

    public bool HasTicket => State is not null || OldState is not null || events.Count > 0;

    /// <summary>The version a save must match: both rows' ETags while both are there (<see cref="StateRowVersion"/>).</summary>
    public string Version => new StateRowVersion(State?.ETag, OldState?.ETag).ToString();

    private string? partition;

    /// <summary>Whether <paramref name="row"/> belongs to this ticket's partition (true for the first row added).</summary>
    public bool Holds(TableEntity row) => partition is null || row.PartitionKey == partition;

    public void Add(TableEntity row)
    {
        partition ??= row.PartitionKey;
        if (row.RowKey == TicketRowKeys.OldState) OldState = row;
        else if (TicketRowKeys.IsState(row.RowKey)) State = row;
        else if (TicketRowKeys.IsEvent(row.RowKey)) events.Add(TableTicketStore.ReadEvent(ticketId, row));
        else if (TicketRowKeys.IsProduced(row.RowKey)) produced.Add(TicketRowKeys.StepKeyOf(row.RowKey));
    }

    public StoredTicket Ticket()
    {
        if (!HasTicket) throw new InvalidOperationException($"Ticket {ticketId} has no rows.");
        var state = State ?? OldState;
        IEnumerable<TicketEvent> allEvents = events;
        IEnumerable<string> allProduced = produced;
        if (OldState is { } old && LegacyTicketRow.IsLegacy(old))
        {
            var (history, indexedDueAt) = LegacyTicketRow.Read(old);
            if (State is null && events.Count == 0 && produced.Count == 0) return new StoredTicket(history, indexedDueAt);
            // Events came under rows of their own before the old one-row ticket was moved: the history is both.
            var ids = events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            allEvents = events.Concat(history.Events.Where(e => !ids.Contains(e.EventId)));
            allProduced = produced.Union(history.ProducedSteps, StringComparer.Ordinal);
            if (State is null) return new StoredTicket(TicketHistory.FromEvents(ticketId, allEvents, allProduced), indexedDueAt);
        }
        return new StoredTicket(
            TicketHistory.FromEvents(ticketId, allEvents, allProduced),
            state is null ? null : TableTicketStore.IndexedDueAtOf(state),
            state is null ? null : TableTicketStore.ReassessAtOf(state));
    }
}
