using AfterSales.Core.Application;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The <c>failure-summary</c> row of the SweepState table (LastSentAt). A claim adds the row, or replaces it at the
/// ETag read, so two instances never both claim the same hour.
/// </summary>
public sealed class TableFailureSummaryLog : IFailureSummaryLog
{
    private readonly CountingTable table;

    internal TableFailureSummaryLog(CountingTable table) => this.table = table;

    public async Task<bool> TryClaimAsync(Instant now, Duration interval, CancellationToken cancellationToken)
    {
        var current = await table.GetAsync(SweepStateRows.PartitionKey, SweepStateRows.FailureSummary, cancellationToken).ConfigureAwait(false);
        var claim = new TableEntity(SweepStateRows.PartitionKey, SweepStateRows.FailureSummary) { ["LastSentAt"] = StoredTime.ToColumn(now) };
        if (current is null) return await table.TryAddAsync(claim, cancellationToken).ConfigureAwait(false);
        if (now - current.RequiredInstant("LastSentAt") < interval) return false;
        return await table.TryReplaceAsync(claim, current.ETag, cancellationToken).ConfigureAwait(false);
    }
}
