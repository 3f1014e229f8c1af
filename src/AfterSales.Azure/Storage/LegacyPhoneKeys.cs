using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The one-off move of rows whose PartitionKey still holds a phone number (written before keys were hashed) to the
/// number's hashed key: each row is upserted under the new key with the same RowKey and columns, then the old row is
/// deleted over the ETag read. Running it twice, or beside the service, writes the same rows again and loses nothing.
/// </summary>
internal static class LegacyPhoneKeys
{
    /// <param name="newKey">The hashed PartitionKey for a legacy one; null when the key is not a legacy one.</param>
    /// <returns>How many rows were moved.</returns>
    public static async Task<int> MoveAsync(CountingTable table, Func<string, string?> newKey, CancellationToken cancellationToken)
    {
        var moved = 0;
        var legacy = new List<(TableEntity Row, string Key)>();
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            if (newKey(row.PartitionKey) is { } key) legacy.Add((row, key));
        }

        foreach (var (row, key) in legacy)
        {
            var copy = new TableEntity(row) { PartitionKey = key, RowKey = row.RowKey };
            copy.Remove("odata.etag");
            copy.Remove("Timestamp");
            await table.UpsertAsync(copy, cancellationToken).ConfigureAwait(false);
            await table.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            moved++;
        }

        return moved;
    }
}
