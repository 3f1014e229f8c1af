using AfterSales.Core.Application;
using AfterSales.Core.Tickets;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// A ticket as stores before the partition layout kept it: the whole history as JSON in chunks (<c>History0</c>, …)
/// on the <c>state</c> row. Only read, to move it (<see cref="TableTicketStore.MoveLegacyTicketsAsync"/>).
/// </summary>
internal static class LegacyTicketRow
{
    private const string HistoryColumn = "History";

    public static bool IsLegacy(TableEntity state) => state.ContainsKey(HistoryColumn + "Chunks");

    public static (TicketHistory History, Instant? IndexedDueAt) Read(TableEntity state) =>
        (TicketHistoryJson.Read(LongText.Read(state, HistoryColumn)), StoredTime.FromColumn(state.GetDateTimeOffset("IndexedDueAt")));

    /// <summary>Writes a ticket the old way: only for the tests of the move.</summary>
    public static TableEntity Write(TicketHistory history, Instant? indexedDueAt)
    {
        var row = new TableEntity(TicketRowKeys.Partition(history.TicketId), TicketRowKeys.OldState);
        TicketSummaryColumns.Write(row, history);
        if (indexedDueAt is { } due) row["IndexedDueAt"] = StoredTime.ToColumn(due);
        LongText.Write(row, HistoryColumn, TicketHistoryJson.Write(history));
        return row;
    }
}
