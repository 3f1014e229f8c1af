using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Opt-outs by number: PartitionKey the number's keyed hash (<see cref="ContactKeys.Phone"/>), RowKey empty; columns
/// OptedOut, ChangedAt, Keyword. A change older than the one stored is ignored; concurrent changes are serialised
/// with ETags. A row still under the escaped number (written before keys were hashed) is moved to its hashed key the
/// first time the number is read or changed, so that no opt-out is lost between a deployment and the migration.
/// </summary>
public sealed class TableOptOuts : IOptOuts
{
    private readonly CountingTable table;
    private readonly ContactKeys keys;

    internal TableOptOuts(CountingTable table, ContactKeys keys)
    {
        this.table = table;
        this.keys = keys;
    }

    public async Task<bool> SetAsync(string e164, bool optedOut, Instant at, string keyword, CancellationToken cancellationToken)
    {
        var key = keys.Phone(e164);
        while (true)
        {
            var current = await ReadAsync(e164, cancellationToken).ConfigureAwait(false);
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
        var row = await ReadAsync(e164, cancellationToken).ConfigureAwait(false);
        return row?.GetBoolean("OptedOut") == true;
    }

    /// <summary>Moves every row still under an escaped number to its hashed key (the one-off migration); returns how many.</summary>
    internal async Task<int> MoveLegacyKeysAsync(CancellationToken cancellationToken)
    {
        var legacy = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            if (ContactKeys.IsLegacyPhoneKey(row.PartitionKey)) legacy.Add(row);
        }

        foreach (var row in legacy) await MoveAsync(row, cancellationToken).ConfigureAwait(false);
        return legacy.Count;
    }

    /// <summary>The number's row under its hashed key, after moving a legacy row there if one is left.</summary>
    private async Task<TableEntity?> ReadAsync(string e164, CancellationToken cancellationToken)
    {
        var hashed = await table.GetAsync(keys.Phone(e164), "", cancellationToken).ConfigureAwait(false);
        if (hashed is not null) return hashed;
        var legacy = await table.GetAsync(KeyEscaping.Escape(e164), "", cancellationToken).ConfigureAwait(false);
        if (legacy is null) return null;
        await MoveAsync(legacy, cancellationToken).ConfigureAwait(false);
        return await table.GetAsync(keys.Phone(e164), "", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies a legacy row to the hashed key unless a newer change is there already, then deletes the legacy row.
    /// Safe to run twice or concurrently: the copy is an add or an ETag replace, and a delete finding nothing is fine.
    /// </summary>
    private async Task MoveAsync(TableEntity legacy, CancellationToken cancellationToken)
    {
        var key = keys.Phone(KeyEscaping.Unescape(legacy.PartitionKey));
        var changedAt = legacy.GetDateTimeOffset("ChangedAt");
        while (true)
        {
            var current = await table.GetAsync(key, "", cancellationToken).ConfigureAwait(false);
            if (current is not null && current.GetDateTimeOffset("ChangedAt") >= changedAt) break;
            var copy = new TableEntity(key, "") { ["OptedOut"] = legacy["OptedOut"], ["ChangedAt"] = changedAt, ["Keyword"] = legacy.GetString("Keyword") };
            var written = current is null
                ? await table.TryAddAsync(copy, cancellationToken).ConfigureAwait(false)
                : await table.TryReplaceAsync(copy, current.ETag, cancellationToken).ConfigureAwait(false);
            if (written) break;
        }

        // Over the ETag read: a change written under the old key meanwhile (an old instance during a deployment) stays
        // and is moved by the next read.
        await table.DeleteAsync(legacy.PartitionKey, legacy.RowKey, legacy.ETag, cancellationToken).ConfigureAwait(false);
    }
}
