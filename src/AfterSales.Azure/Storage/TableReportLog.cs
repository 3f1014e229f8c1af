using AfterSales.Core.Application;
using AfterSales.Core.Reports;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Which digests and reports went out: PartitionKey the period (<c>digest-2026-10-30</c>, <c>report-2026-10</c>), RowKey
/// the escaped audience, with <c>Status</c> (<c>sending</c>, <c>sent</c>, <c>failed</c>), <c>Attempts</c>, the provider id
/// or the error; RowKey <c>complete</c> once every audience is settled. Claims are conditional writes (add, or replace
/// over the ETag of a failed row), so of two runs only one sends.
/// </summary>
public sealed class TableReportLog : IReportLog
{
    private const string Complete = "complete";
    private const string Sending = "sending";
    private readonly CountingTable table;

    internal TableReportLog(CountingTable table) => this.table = table;

    public async Task<bool> IsCompleteAsync(string period, CancellationToken cancellationToken) =>
        await table.GetAsync(period, Complete, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<bool> TryClaimAsync(string period, string audience, Instant now, CancellationToken cancellationToken)
    {
        var key = KeyEscaping.Escape(audience);
        var current = await table.GetAsync(period, key, cancellationToken).ConfigureAwait(false);
        if (current is null) return await table.TryAddAsync(Claim(period, key, audience, 1, now), cancellationToken).ConfigureAwait(false);
        var attempts = current.GetInt32("Attempts") ?? 1;
        if (current.GetString("Status") != "failed" || attempts >= IReportLog.MaxAttempts) return false;
        return await table.TryReplaceAsync(Claim(period, key, audience, attempts + 1, now), current.ETag, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> FinishAsync(string period, string audience, SendResult result, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = KeyEscaping.Escape(audience);
        var row = new TableEntity(period, key)
        {
            ["Status"] = result.Sent ? "sent" : "failed",
            ["ProviderMessageId"] = result.ProviderMessageId,
            ["Error"] = result.Error,
            ["FinishedAt"] = StoredTime.ToColumn(now),
        };
        await table.TryMergeAsync(row, cancellationToken).ConfigureAwait(false);
        var attempts = (await table.GetAsync(period, key, cancellationToken).ConfigureAwait(false))?.GetInt32("Attempts") ?? 1;
        return result.Sent || attempts >= IReportLog.MaxAttempts;
    }

    public Task MarkCompleteAsync(string period, Instant now, CancellationToken cancellationToken) =>
        table.UpsertAsync(new TableEntity(period, Complete) { ["At"] = StoredTime.ToColumn(now) }, cancellationToken);

    private static TableEntity Claim(string period, string key, string audience, int attempts, Instant now) => new(period, key)
    {
        ["Audience"] = audience,
        ["Status"] = Sending,
        ["Attempts"] = attempts,
        ["ClaimedAt"] = StoredTime.ToColumn(now),
    };
}
