using System.Runtime.CompilerServices;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// The baseline design: no due index to read from. Every sweep scans every open ticket and asks the engine whether
/// anything is due; the writes that follow (outbox, ticket saves, index upkeep) are the indexed sweep's own, so the
/// two sweeps differ only in how they find what is due.
/// </summary>
public sealed class FullScanDueIndex(TableTicketStore tickets, TableDueIndex index, SlaEngine engine) : IDueIndex
{
    public Task PutAsync(DueEntry entry, CancellationToken cancellationToken) => index.PutAsync(entry, cancellationToken);

    public Task RemoveAsync(DueEntry entry, CancellationToken cancellationToken) => index.RemoveAsync(entry, cancellationToken);

    public async IAsyncEnumerable<DueEntry> ReadDueAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var ticket in tickets.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (engine.Assess(ticket.History, now).DueNow.Count > 0)
                yield return new DueEntry(ticket.History.TicketId, ticket.IndexedDueAt ?? now);
        }
    }

    public Task MarkSweptAsync(Instant now, CancellationToken cancellationToken) => index.MarkSweptAsync(now, cancellationToken);
}
