using System.Runtime.CompilerServices;
using AfterSales.Core.Application;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The due index as a table partitioned by UTC hour (see <see cref="DueRowKeys"/>). A sweep reads, hour by hour from
/// the checkpoint to now, only the rows whose RowKey says they are due: what it reads grows with what is due, not
/// with the number of open tickets.
/// </summary>
public sealed class TableDueIndex : IDueIndex
{
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    private readonly CountingTable table;
    private readonly DueCheckpoint checkpoint;

    internal TableDueIndex(CountingTable table, DueCheckpoint checkpoint)
    {
        this.table = table;
        this.checkpoint = checkpoint;
    }

    public Task PutAsync(DueEntry entry, CancellationToken cancellationToken) => table.UpsertAsync(ToRow(entry), cancellationToken);

    /// <summary>
    /// Puts many rows with one transaction per hour bucket and hundred rows instead of one request per row: for
    /// rebuilding the index from the tickets table, and for seeding load runs.
    /// </summary>
    public async Task PutManyAsync(IEnumerable<DueEntry> entries, int parallelism, CancellationToken cancellationToken)
    {
        var batches = entries
            .Select(ToRow)
            .GroupBy(row => row.PartitionKey)
            .SelectMany(bucket => bucket.DistinctBy(row => row.RowKey).Chunk(CountingTable.MaxBatchSize));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            (batch, ct) => new ValueTask(table.UpsertBatchAsync(batch, ct))).ConfigureAwait(false);
    }

    private static TableEntity ToRow(DueEntry entry)
    {
        var dueAt = StoredTime.RequireWholeTicks(entry.DueAt, nameof(entry));
        return new TableEntity(DueRowKeys.PartitionKey(dueAt), DueRowKeys.RowKey(entry))
        {
            ["TicketId"] = entry.TicketId,
            ["DueAt"] = StoredTime.ToColumn(dueAt),
        };
    }

    public Task RemoveAsync(DueEntry entry, CancellationToken cancellationToken) =>
        table.DeleteAsync(DueRowKeys.PartitionKey(entry.DueAt), DueRowKeys.RowKey(entry), ETag.All, cancellationToken);

    public async IAsyncEnumerable<DueEntry> ReadDueAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = HourBucket.Of(now);
        var upperBound = DueRowKeys.UpperBound(now);
        for (var bucket = await checkpoint.FirstBucketAsync(now, cancellationToken).ConfigureAwait(false); bucket <= last; bucket = bucket.Next)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bucket.Key} and RowKey le {upperBound}");
            await foreach (var row in table.QueryAsync(filter, KeyColumns, cancellationToken).ConfigureAwait(false))
                yield return DueRowKeys.Parse(row.RowKey);
        }
    }

    public Task MarkSweptAsync(Instant now, CancellationToken cancellationToken) => checkpoint.AdvanceAsync(now, cancellationToken);
}
