using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Inbound messages processed: PartitionKey the escaped provider message id, RowKey empty; column ReceivedAt. Kept for
/// <c>Retention__ProcessedMessages</c> (<see cref="TableRetention"/>).
/// </summary>
public sealed class TableInboundMessages : IInboundMessages
{
    private readonly CountingTable table;

    internal TableInboundMessages(CountingTable table) => this.table = table;

    public async Task<bool> WasProcessedAsync(string providerId, CancellationToken cancellationToken) =>
        await table.GetAsync(KeyEscaping.Escape(providerId), "", cancellationToken).ConfigureAwait(false) is not null;

    public async Task RecordProcessedAsync(string providerId, Instant receivedAt, CancellationToken cancellationToken) =>
        await table.TryAddAsync(new TableEntity(KeyEscaping.Escape(providerId), "") { ["ReceivedAt"] = StoredTime.ToColumn(receivedAt) }, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>One page of the retention purge: deletes the ids received before <paramref name="receivedBefore"/>.</summary>
    /// <returns>Ids deleted and where the next page starts (null: the pass is done).</returns>
    internal async Task<(int Deleted, string? Continuation)> PurgeAsync(
        Instant receivedBefore, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"ReceivedAt lt {StoredTime.ToColumn(receivedBefore)}");
        var (rows, next) = await table.QueryPageAsync(filter, continuation, pageSize, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows) await table.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        return (rows.Count, next);
    }
}
