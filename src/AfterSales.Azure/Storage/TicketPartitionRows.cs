using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The rows of one ticket's partition as they are read (<see cref="TicketRowKeys"/>): the state row, the events and the
/// produced-step keys, put together as the stored ticket. A state row in the old one-row layout carries the whole history.
/// </summary>
internal sealed class TicketPartitionRows(string ticketId)
{
    private readonly List<TicketEvent> events = [];
    private readonly List<string> produced = [];

    public TableEntity? State { get; private set; }

    private string? partition;

    /// <summary>Whether <paramref name="row"/> belongs to this ticket's partition (true for the first row added).</summary>
    public bool Holds(TableEntity row) => partition is null || row.PartitionKey == partition;

    public void Add(TableEntity row)
    {
        partition ??= row.PartitionKey;
        if (row.RowKey == TicketRowKeys.State) State = row;
        else if (TicketRowKeys.IsEvent(row.RowKey)) events.Add(TableTicketStore.ReadEvent(ticketId, row));
        else if (TicketRowKeys.IsProduced(row.RowKey)) produced.Add(TicketRowKeys.StepKeyOf(row.RowKey));
    }

    public StoredTicket Ticket()
    {
        var state = State ?? throw new InvalidOperationException($"Ticket {ticketId} has no state row.");
        if (LegacyTicketRow.IsLegacy(state))
        {
            var (history, indexedDueAt) = LegacyTicketRow.Read(state);
            return new StoredTicket(history, indexedDueAt);
        }
        return new StoredTicket(TicketHistory.FromEvents(ticketId, events, produced), TableTicketStore.IndexedDueAtOf(state), TableTicketStore.ReassessAtOf(state));
    }
}
