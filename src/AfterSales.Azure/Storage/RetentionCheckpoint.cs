using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The <c>retention</c> row of the SweepState table: where each purge pass goes on (the query continuation of the
/// outbox and of the processed-message table; none: the next run starts a new pass). Last writer wins: two runs
/// purging the same page change nothing twice, since each row is replaced or deleted over its ETag.
/// </summary>
internal sealed class RetentionCheckpoint(CountingTable table)
{
    public async Task<(string? Outbox, string? Inbound)> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(SweepStateRows.PartitionKey, SweepStateRows.Retention, cancellationToken).ConfigureAwait(false);
        return (NullIfEmpty(row?.GetString("Outbox")), NullIfEmpty(row?.GetString("Inbound")));
    }

    public Task SaveAsync(string? outbox, string? inbound, CancellationToken cancellationToken) =>
        table.UpsertAsync(
            new TableEntity(SweepStateRows.PartitionKey, SweepStateRows.Retention) { ["Outbox"] = outbox ?? "", ["Inbound"] = inbound ?? "" },
            cancellationToken);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
