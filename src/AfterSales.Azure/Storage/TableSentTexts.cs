using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Texts sent, by number: PartitionKey the number's keyed hash (<see cref="ContactKeys.Phone"/>), RowKey the escaped text key; columns Kind, SentAt,
/// BudgetExempt. Adding a text twice keeps the first row.
/// </summary>
public sealed class TableSentTexts : ISentTexts
{
    private readonly CountingTable table;
    private readonly ContactKeys keys;

    internal TableSentTexts(CountingTable table, ContactKeys keys)
    {
        this.table = table;
        this.keys = keys;
    }

    public async Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        await table.TryAddAsync(
            new TableEntity(keys.Phone(e164), KeyEscaping.Escape(text.Key))
            {
                ["Key"] = text.Key,
                ["Kind"] = text.Kind.ToString(),
                ["SentAt"] = StoredTime.ToColumn(text.SentAt),
                ["BudgetExempt"] = text.IsBudgetExempt,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SentText>> ListSinceAsync(string e164, Instant since, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {keys.Phone(e164)} and SentAt ge {StoredTime.ToColumn(since)}");
        var sent = new List<SentText>();
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
        {
            sent.Add(new SentText(
                row.RequiredString("Key"), Enum.Parse<TextKind>(row.RequiredString("Kind")), row.RequiredInstant("SentAt"),
                row.GetBoolean("BudgetExempt") ?? false));
        }

        return sent;
    }

    /// <summary>Moves every row still under an escaped number to its hashed key (the one-off migration); returns how many.</summary>
    internal Task<int> MoveLegacyKeysAsync(CancellationToken cancellationToken) =>
        LegacyPhoneKeys.MoveAsync(
            table, key => ContactKeys.IsLegacyPhoneKey(key) ? keys.Phone(KeyEscaping.Unescape(key)) : null, cancellationToken);
}
