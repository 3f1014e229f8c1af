using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Texts sent, by number: PartitionKey the escaped E.164 number, RowKey the escaped text key; columns Kind, SentAt,
/// BudgetExempt. Adding a text twice keeps the first row.
/// </summary>
public sealed class TableSentTexts : ISentTexts
{
    private readonly CountingTable table;

    internal TableSentTexts(CountingTable table) => this.table = table;

    public async Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        await table.TryAddAsync(
            new TableEntity(KeyEscaping.Escape(e164), KeyEscaping.Escape(text.Key))
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEscaping.Escape(e164)} and SentAt ge {StoredTime.ToColumn(since)}");
        var sent = new List<SentText>();
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
        {
            sent.Add(new SentText(
                row.RequiredString("Key"), Enum.Parse<TextKind>(row.RequiredString("Kind")), row.RequiredInstant("SentAt"),
                row.GetBoolean("BudgetExempt") ?? false));
        }

        return sent;
    }
}
