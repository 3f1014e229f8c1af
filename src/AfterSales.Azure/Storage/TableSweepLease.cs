using AfterSales.Core.Application;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The sweep lease as the <c>lease</c> row of the SweepState table (Owner, Until). Every write is conditional (add
/// when there is no row, replace at the ETag read otherwise), so two contenders can never both win.
/// </summary>
public sealed class TableSweepLease : ISweepLease
{
    private readonly CountingTable table;

    internal TableSweepLease(CountingTable table) => this.table = table;

    public async Task<bool> TryAcquireAsync(string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var current = await table.GetAsync(SweepStateRows.PartitionKey, SweepStateRows.Lease, cancellationToken).ConfigureAwait(false);
        var claim = new TableEntity(SweepStateRows.PartitionKey, SweepStateRows.Lease)
        {
            ["Owner"] = owner,
            ["Until"] = StoredTime.ToColumn(now + duration),
        };
        if (current is null) return await table.TryAddAsync(claim, cancellationToken).ConfigureAwait(false);

        var heldByOther = current.GetString("Owner") != owner && current.RequiredInstant("Until") > now;
        return !heldByOther && await table.TryReplaceAsync(claim, current.ETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the lease up if it is still <paramref name="owner"/>'s; otherwise leaves it alone.</summary>
    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        var current = await table.GetAsync(SweepStateRows.PartitionKey, SweepStateRows.Lease, cancellationToken).ConfigureAwait(false);
        if (current?.GetString("Owner") == owner)
            await table.DeleteAsync(SweepStateRows.PartitionKey, SweepStateRows.Lease, current.ETag, cancellationToken).ConfigureAwait(false);
    }
}
