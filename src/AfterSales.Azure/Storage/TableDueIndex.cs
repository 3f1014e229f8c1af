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
        var batches = Batches(entries.Select(ToRow));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            (batch, ct) => new ValueTask(table.UpsertBatchAsync(batch, ct))).ConfigureAwait(false);
    }

    /// <summary>
    /// A sweep's index changes in as few requests as the layout allows: rows of one hour bucket go in transactions of a
    /// hundred, the puts first, the removals only once every put is stored. A burst of tickets due at one instant
    /// removes its rows from one bucket, a request per hundred tickets.
    /// </summary>
    public async Task PutThenRemoveAsync(IReadOnlyCollection<DueEntry> puts, IReadOnlyCollection<DueEntry> removals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(puts);
        ArgumentNullException.ThrowIfNull(removals);
        var options = new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Batches(puts.Select(ToRow)), options,
            (batch, ct) => new ValueTask(table.UpsertBatchAsync(batch, ct))).ConfigureAwait(false);
        var keys = removals.Select(entry => new TableEntity(DueRowKeys.PartitionKey(entry.DueAt), DueRowKeys.RowKey(entry)));
        await Parallel.ForEachAsync(Batches(keys), options,
            (batch, ct) => new ValueTask(table.DeleteBatchAsync(batch, ct))).ConfigureAwait(false);
    }

    /// <summary>Transactions of one partition at once when writing many rows.</summary>
    private const int BatchParallelism = 8;

    private static IEnumerable<TableEntity[]> Batches(IEnumerable<TableEntity> rows) => rows
        .GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
        .SelectMany(bucket => bucket.DistinctBy(row => row.RowKey, StringComparer.Ordinal).Chunk(CountingTable.MaxBatchSize));

    private static TableEntity ToRow(DueEntry entry)
    {
        var dueAt = StoredTime.RequireWholeTicks(entry.DueAt, nameof(entry));
        var row = new TableEntity(DueRowKeys.PartitionKey(dueAt), DueRowKeys.RowKey(entry))
        {
            ["TicketId"] = entry.TicketId,
            ["DueAt"] = StoredTime.ToColumn(dueAt),
        };
        if (entry.EventId is { } eventId) row["EventId"] = eventId;
        return row;
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
