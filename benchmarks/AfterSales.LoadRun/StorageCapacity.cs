using System.Diagnostics;
using Azure.Data.Tables;

namespace AfterSales.LoadRun;

/// <summary>
/// What the storage serves: raw point writes (upserts of a small row, a partition each) by concurrent clients into a
/// scratch table of its own, with no AfterSales code in the way. The ceiling the other figures are measured against.
/// </summary>
public static class StorageCapacity
{
    /// <returns>Requests per second.</returns>
    public static async Task<double> MeasureAsync(TableServiceClient service, string tableName, int clients, int writes, CancellationToken cancellationToken)
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
                    await table.UpsertEntityAsync(new TableEntity($"p{i:D7}", "r") { ["Value"] = i }, TableUpdateMode.Replace, cancellationToken);
            }));
            return writes / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
