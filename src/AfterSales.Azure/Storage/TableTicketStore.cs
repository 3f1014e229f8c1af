using System.Runtime.CompilerServices;
using AfterSales.Core.Application;
using AfterSales.Core.Tickets;
using Azure;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// One row per ticket (PartitionKey: the escaped ticket id, RowKey <c>state</c>): the history as JSON in
/// chunks, the instant under which the due index lists it, and a few readable columns for admins. Saves are
/// conditional on the ETag read (or on the row not existing yet); there is no blind upsert.
/// </summary>
public sealed class TableTicketStore : ITicketStore
{
    private const string StateRow = "state";
    private const string HistoryColumn = "History";
    private const string IndexedDueAtColumn = "IndexedDueAt";

    private readonly CountingTable table;

    internal TableTicketStore(CountingTable table) => this.table = table;

    public async Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(KeyEscaping.Escape(ticketId), StateRow, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        var history = TicketHistoryJson.Read(LongText.Read(row, HistoryColumn));
        var indexedDueAt = StoredTime.FromColumn(row.GetDateTimeOffset(IndexedDueAtColumn));
        return new VersionedTicket(new StoredTicket(history, indexedDueAt), row.ETag.ToString());
    }

    /// <summary>Every stored ticket, for rebuilding the due index (and the load run's full-scan baseline).</summary>
    public async IAsyncEnumerable<StoredTicket> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {StateRow}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
            yield return new StoredTicket(TicketHistoryJson.Read(LongText.Read(row, HistoryColumn)), StoredTime.FromColumn(row.GetDateTimeOffset(IndexedDueAtColumn)));
    }

    public Task<bool> TrySaveAsync(StoredTicket ticket, string? expectedVersion, CancellationToken cancellationToken)
    {
        var row = ToRow(ticket);
        return expectedVersion is null
            ? table.TryAddAsync(row, cancellationToken)
            : table.TryReplaceAsync(row, new ETag(expectedVersion), cancellationToken);
    }

    private static TableEntity ToRow(StoredTicket ticket)
    {
        var history = ticket.History;
        var row = new TableEntity(KeyEscaping.Escape(history.TicketId), StateRow);
        TicketSummaryColumns.Write(row, history);
        if (ticket.IndexedDueAt is { } due)
            row[IndexedDueAtColumn] = StoredTime.ToColumn(StoredTime.RequireWholeTicks(due, nameof(ticket)));
        LongText.Write(row, HistoryColumn, TicketHistoryJson.Write(history));
        return row;
    }
}
