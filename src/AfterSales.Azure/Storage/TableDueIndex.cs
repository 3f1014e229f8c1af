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

    public Task PutAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        var dueAt = StoredTime.RequireWholeTicks(entry.DueAt, nameof(entry));
        var row = new TableEntity(DueRowKeys.PartitionKey(dueAt), DueRowKeys.RowKey(entry))
        {
            ["TicketId"] = entry.TicketId,
            ["DueAt"] = StoredTime.ToColumn(dueAt),
        };
        return table.UpsertAsync(row, cancellationToken);
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
