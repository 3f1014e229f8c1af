using System.Diagnostics;
using AfterSales.Azure.Storage;

namespace AfterSales.LoadRun;

/// <summary>
/// Point reads of seeded tickets' state rows (one request each; the ingestion read them until it became insert-only)
/// by concurrent clients, in the tickets table as the run left it. Set beside the storage capacity, it shows what a request costs the storage
/// in a table that size (docs/scaling.md: when every ticket's state row had the RowKey <c>state</c>, each such request
/// scanned every ticket's state row on Azurite, which looks a row up by its RowKey first).
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
