using System.Diagnostics;
using Azure.Data.Tables;

namespace AfterSales.LoadRun;

/// <summary>
/// What the storage serves: raw point writes (upserts of a small row, a partition each) by concurrent clients into a
/// scratch table of its own, with no AfterSales code in the way. The ceiling the other figures are measured against.
/// Each row has a RowKey of its own too: Azurite looks a row up by RowKey first and scans the rows sharing it, so rows
/// that all had one RowKey made each write slower than the last and the capacity depend on how many were written.
/// </summary>
public static class StorageCapacity
{
    public static async Task<CapacitySlice> MeasureAsync(TableServiceClient service, string tableName, int clients, int writes, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < writes)
                    await table.UpsertEntityAsync(new TableEntity($"p{i:D7}", $"r{i:D7}") { ["Value"] = i }, TableUpdateMode.Replace, cancellationToken);
            }));
            return new CapacitySlice(writes, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}

/// <summary>One measurement of the capacity: so many writes in so many seconds.</summary>
public sealed record CapacitySlice(int Writes, double Seconds)
{
    public double RequestsPerSecond => Writes / Seconds;
}
