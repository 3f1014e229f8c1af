using System.Diagnostics;
using AfterSales.Azure.Storage;

namespace AfterSales.LoadRun;

/// <summary>
/// Point reads of seeded tickets' state rows (one request each, the ingestion's first request) by concurrent clients,
/// in the tickets table as the run left it. Set beside the storage capacity, it shows what a request costs the storage
/// in a table that size: Azurite's in-memory store looks a row up by its RowKey first, and every ticket's state row
/// has the RowKey <c>state</c>, so each such request there scans every ticket's state row (docs/scaling.md).
/// </summary>
public static class StateReadRate
{
    /// <returns>Requests per second.</returns>
    public static async Task<double> MeasureAsync(TableTicketStore tickets, IReadOnlyList<string> ticketIds, int clients, int reads, CancellationToken cancellationToken)
    {
        if (ticketIds.Count == 0) return double.NaN;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reads)
            {
                var ticketId = ticketIds[(int)((long)i * 7919 % ticketIds.Count)];
                _ = await tickets.GetStateAsync(ticketId, cancellationToken)
                    ?? throw new InvalidOperationException($"Seeded ticket {ticketId} has no state row.");
            }
        }));
        return reads / clock.Elapsed.TotalSeconds;
    }
}
