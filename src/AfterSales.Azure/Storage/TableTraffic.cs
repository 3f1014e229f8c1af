using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Requests sent to the table service (a query page, a point read, a write, a transaction: one each) and the bytes of
/// the entities written, as Azure bills and limits them, so tests and load runs can show what one operation costs.
/// Thread-safe.
/// </summary>
public sealed class TableTraffic
{
    private long requests;
    private long bytesWritten;

    public long Requests => Interlocked.Read(ref requests);

    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    public (long Requests, long BytesWritten) Snapshot() => (Requests, BytesWritten);

    internal void CountRequest() => Interlocked.Increment(ref requests);

    internal void CountWrite(ITableEntity entity) => Interlocked.Add(ref bytesWritten, EntitySize(entity));

    /// <summary>The size of an entity by Azure's formula: 4 + 2 × key lengths + for each property 8 + 2 × name length + its value.</summary>
    internal static long EntitySize(ITableEntity entity)
    {
        long size = 4 + 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        if (entity is not TableEntity properties) return size;
        foreach (var (name, value) in properties)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            size += 8 + 2 * name.Length + value switch
            {
                string text => 4 + 2 * text.Length,
                byte[] bytes => 4 + bytes.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }
        return size;
    }
}
