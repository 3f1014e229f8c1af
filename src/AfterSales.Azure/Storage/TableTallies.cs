using System.Text.Json;
using AfterSales.Core.Reports;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The reports' running totals. PartitionKey the month (<c>yyyy-MM</c>); RowKey <c>d|{yyyy-MM-dd}|{escaped team}</c> for
/// the counters of a team and day (<c>Counts</c>: JSON object of counter → count; <c>Notes</c>: the short ticket lists),
/// and <c>k|{escaped item key}</c> for each item counted. An item is counted by one entity-group transaction that adds
/// its key row and updates the counter row over the ETag read: the key row makes a second offer fail (counted once);
/// the ETag makes concurrent counts retry instead of losing one. A report reads the counter rows of a month with one
/// RowKey range query: one row per team and day, never the key rows.
/// </summary>
public sealed class TableTallies : ITallies
{
    private const int MaxAttempts = 50;
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private readonly CountingTable table;

    internal TableTallies(CountingTable table) => this.table = table;

    public async Task<bool> AddAsync(TallyItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var partition = Month(item.Day);
        var rowKey = CounterKey(item.Day, item.Team);
        var marker = new TableEntity(partition, ItemKey(item.Key)) { ["Team"] = item.Team, ["Day"] = Date.Format(item.Day) };
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await table.GetAsync(partition, rowKey, cancellationToken).ConfigureAwait(false);
            var totals = (current is null ? DailyTally.Empty(item.Team, item.Day) : Read(current)).Add(item);
            var row = Row(partition, rowKey, totals);
            TableTransactionAction update = current is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, current.ETag);
            var refusal = await table.TrySubmitAsync([new(TableTransactionActionType.Add, marker), update], cancellationToken).ConfigureAwait(false);
            if (refusal is null) return true;
            // Refused: either the item was counted before (its key row exists), or the counter row changed under us.
            if (await table.GetAsync(partition, marker.RowKey, cancellationToken).ConfigureAwait(false) is not null) return false;
        }

        throw new InvalidOperationException($"The totals of {item.Team} on {Date.Format(item.Day)} kept changing under {MaxAttempts} attempts.");
    }

    public async Task<IReadOnlyList<DailyTally>> ReadAsync(LocalDate from, LocalDate until, CancellationToken cancellationToken)
    {
        var found = new List<DailyTally>();
        if (until <= from) return found;
        for (var month = from.ToYearMonth(); month.OnDayOfMonth(1) < until; month = month.PlusMonths(1))
        {
            var low = "d|" + Date.Format(from > month.OnDayOfMonth(1) ? from : month.OnDayOfMonth(1));
            var next = month.PlusMonths(1).OnDayOfMonth(1);
            var high = "d|" + Date.Format(until < next ? until : next);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Month(month.OnDayOfMonth(1))} and RowKey ge {low} and RowKey lt {high}");
            await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false)) found.Add(Read(row));
        }

        return found;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(null, ["PartitionKey", "RowKey"], cancellationToken).ConfigureAwait(false)) rows.Add(row);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(CountingTable.MaxBatchSize))
                await table.DeleteBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Month(LocalDate day) => $"{day.Year:D4}-{day.Month:D2}";

    private static string CounterKey(LocalDate day, string team) => $"d|{Date.Format(day)}|{KeyEscaping.Escape(team)}";

    private static string ItemKey(string key) => "k|" + KeyEscaping.Escape(key);

    private static TableEntity Row(string partition, string rowKey, DailyTally totals) => new(partition, rowKey)
    {
        ["Team"] = totals.Team,
        ["Day"] = Date.Format(totals.Day),
        ["Counts"] = JsonSerializer.Serialize(totals.Counts, TallyJson.Default.IReadOnlyDictionaryStringInt64),
        ["Notes"] = JsonSerializer.Serialize(totals.Notes.Select(StoredNote.Of).ToList(), TallyJson.Default.ListStoredNote),
    };

    private static DailyTally Read(TableEntity row)
    {
        var counts = JsonSerializer.Deserialize(row.GetString("Counts") ?? "{}", TallyJson.Default.DictionaryStringInt64) ?? [];
        var notes = JsonSerializer.Deserialize(row.GetString("Notes") ?? "[]", TallyJson.Default.ListStoredNote) ?? [];
        return new DailyTally(row.GetString("Team") ?? "", Date.Parse(row.GetString("Day") ?? "").Value,
            new Dictionary<string, long>(counts, StringComparer.Ordinal), [.. notes.Select(n => n.ToNote())]);
    }
}
