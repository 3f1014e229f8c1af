using System.Runtime.CompilerServices;
using AfterSales.Core.Application;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Tickets the sweep could not process: one row each in the Quarantine table (PartitionKey <c>ticket</c>, RowKey the
/// escaped ticket id), with the failure count, the last error and the due-index row it failed on. Only the sweep, which
/// holds the lease, writes here, so a read-then-write count is enough.
/// </summary>
public sealed class TableTicketQuarantine : ITicketQuarantine
{
    private const string Partition = "ticket";
    private const int MaxErrorLength = 2_000;

    private readonly CountingTable table;

    internal TableTicketQuarantine(CountingTable table) => this.table = table;

    public async Task<QuarantinedTicket> RecordFailureAsync(DueEntry entry, string error, int quarantineAfter, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        var existing = await GetAsync(entry.TicketId, cancellationToken).ConfigureAwait(false);
        var failures = (existing?.Failures ?? 0) + 1;
        var record = new QuarantinedTicket(entry.TicketId, entry.DueAt, failures,
            error.Length <= MaxErrorLength ? error : error[..MaxErrorLength], now, failures >= quarantineAfter);
        await table.UpsertAsync(new TableEntity(Partition, KeyEscaping.Escape(entry.TicketId))
        {
            ["TicketId"] = record.TicketId,
            ["DueAt"] = StoredTime.ToColumn(record.DueAt),
            ["Failures"] = record.Failures,
            ["LastError"] = record.LastError,
            ["LastFailedAt"] = StoredTime.ToColumn(record.LastFailedAt),
            ["Quarantined"] = record.Quarantined,
        }, cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async IAsyncEnumerable<QuarantinedTicket> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false)) yield return FromRow(row);
    }

    public async Task<QuarantinedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(Partition, KeyEscaping.Escape(ticketId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    public Task RemoveAsync(string ticketId, CancellationToken cancellationToken) =>
        table.DeleteAsync(Partition, KeyEscaping.Escape(ticketId), ETag.All, cancellationToken);

    private static QuarantinedTicket FromRow(TableEntity row) => new(
        row.RequiredString("TicketId"), row.RequiredInstant("DueAt"), row.GetInt32("Failures") ?? 0,
        row.GetString("LastError") ?? "", row.RequiredInstant("LastFailedAt"), row.GetBoolean("Quarantined") ?? false);
}
