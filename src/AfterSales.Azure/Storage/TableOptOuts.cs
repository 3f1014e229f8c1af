using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Opt-outs by number: PartitionKey the escaped E.164 number, RowKey empty; columns OptedOut, ChangedAt, Keyword.
/// A change older than the one stored is ignored; concurrent changes are serialised with ETags.
/// </summary>
public sealed class TableOptOuts : IOptOuts
{
    private readonly CountingTable table;

    internal TableOptOuts(CountingTable table) => this.table = table;

    public async Task<bool> SetAsync(string e164, bool optedOut, Instant at, string keyword, CancellationToken cancellationToken)
    {
        var key = KeyEscaping.Escape(e164);
        while (true)
        {
            var current = await table.GetAsync(key, "", cancellationToken).ConfigureAwait(false);
            if (current?.GetDateTimeOffset("ChangedAt") is { } stored && StoredTime.FromColumn(stored) > at) return false;
            var row = new TableEntity(key, "") { ["OptedOut"] = optedOut, ["ChangedAt"] = StoredTime.ToColumn(at), ["Keyword"] = keyword };
            var written = current is null
                ? await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false)
                : await table.TryReplaceAsync(row, current.ETag, cancellationToken).ConfigureAwait(false);
            // Not written: someone else changed the row meanwhile; read again and decide again.
            if (written) return true;
        }
    }

    public async Task<bool> IsOptedOutAsync(string e164, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(KeyEscaping.Escape(e164), "", cancellationToken).ConfigureAwait(false);
        return row?.GetBoolean("OptedOut") == true;
    }
}
