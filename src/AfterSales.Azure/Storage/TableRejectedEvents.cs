using System.Security.Cryptography;
using System.Text;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Payloads that could not be applied, kept whole (in chunks when long) with the reason, the offending field and
/// where they came from, newest first (see <see cref="RejectedEventKeys"/>), until an admin replays them.
/// </summary>
public sealed class TableRejectedEvents : IRejectedEvents
{
    private const string PayloadColumn = "Payload";

    private readonly CountingTable table;

    internal TableRejectedEvents(CountingTable table) => this.table = table;

    public async Task<RejectedEvent> AddAsync(
        string payload, EventRejection rejection, string source, Instant receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(rejection);
        var (partitionKey, rowKey) = RejectedEventKeys.New(receivedAt);
        var bytes = Encoding.UTF8.GetBytes(payload);
        var kept = KeptPayload(payload);
        var row = new TableEntity(partitionKey, rowKey)
        {
            ["Reason"] = rejection.Reason.ToString(),
            ["Field"] = rejection.Field,
            ["Message"] = LimitedMessage(rejection.Message),
            ["Source"] = source,
            ["ReceivedAt"] = StoredTime.ToColumn(receivedAt),
            ["PayloadBytes"] = (long)bytes.Length,
            ["PayloadSha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["PayloadTruncated"] = kept.Length < payload.Length,
        };
        LongText.Write(row, PayloadColumn, kept);
        if (!await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"Rejected-event key {partitionKey}/{rowKey} was taken: a new GUID collided.");
        return FromRow(row);
    }

    /// <summary>
    /// Newest first: within a day the RowKeys sort newest first, and the days are walked from the newest back, one
    /// query each (<c>PartitionKey eq day and RowKey gt cursor</c>, at most a page of rows per request), until the page
    /// is full or the oldest kept day is passed. A page costs a request per day walked (at most the retention's days,
    /// <see cref="RejectedEventRetention.Max"/>) and reads at most <paramref name="limit"/> + 1 rows.
    /// </summary>
    public async Task<RejectedEventPage?> ListAsync(string? after, int limit, Instant now, Instant keptSince, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var day = RejectedEventKeys.Day(now);
        var afterRow = "";
        if (after is not null)
        {
            if (!RejectedEventKeys.TryParseCursor(after, out day, out afterRow)) return null;
        }

        var oldestDay = RejectedEventKeys.Day(keptSince);
        var items = new List<RejectedEvent>();
        for (; string.CompareOrdinal(day, oldestDay) >= 0 && items.Count <= limit; day = RejectedEventKeys.DayBefore(day), afterRow = "")
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day} and RowKey gt {afterRow}");
            var wanted = limit + 1 - items.Count;
            await foreach (var row in table.QueryAsync(filter, null, cancellationToken, wanted).ConfigureAwait(false))
            {
                items.Add(FromRow(row));
                if (items.Count > limit) break;
            }
        }

        return items.Count > limit
            ? new RejectedEventPage(items.GetRange(0, limit), items[limit - 1].Id)
            : new RejectedEventPage(items, null);
    }

    /// <summary>Whole UTC days, a partition each: each row of a day before the cutoff's is deleted, in transactions of 100.</summary>
    public async Task<int> DeleteReceivedBeforeAsync(Instant cutoff, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {RejectedEventKeys.Day(cutoff)}");
        var deleted = 0;
        var batch = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync(filter, ["PartitionKey", "RowKey"], cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count == CountingTable.MaxBatchSize || (batch.Count > 0 && batch[0].Entity.PartitionKey != row.PartitionKey))
                deleted += await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }

        return deleted + await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One transaction; when another purge removed one of the rows first, the rest go one by one.</summary>
    private async Task<int> DeleteAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        var count = batch.Count;
        if (await table.TrySubmitAsync(batch, cancellationToken).ConfigureAwait(false) is not null)
        {
            foreach (var action in batch)
                await table.DeleteAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        batch.Clear();
        return count;
    }

    public async Task<RejectedEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!RejectedEventKeys.TryParse(id, out var partitionKey, out var rowKey)) return null;
        var row = await table.GetAsync(partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <exception cref="KeyNotFoundException">There is no rejected event with this id.</exception>
    public async Task MarkReplayedAsync(string id, Instant replayedAt, CancellationToken cancellationToken)
    {
        var found = RejectedEventKeys.TryParse(id, out var partitionKey, out var rowKey)
            && await table.TryMergeAsync(new TableEntity(partitionKey, rowKey) { ["ReplayedAt"] = StoredTime.ToColumn(replayedAt) }, cancellationToken)
                .ConfigureAwait(false);
        if (!found) throw new KeyNotFoundException($"No rejected event '{id}'.");
    }

    /// <summary>
    /// At most <see cref="MaxKeptPayloadChars"/> characters of the payload: every payload an event may be is kept whole
    /// (<see cref="EventBodies.MaxBytes"/> bytes are at most as many characters), a larger one is cut, never at half
    /// a surrogate pair, so the row stays far below the 1 MiB an entity may be.
    /// </summary>
    private static string KeptPayload(string payload)
    {
        if (payload.Length <= MaxKeptPayloadChars) return payload;
        var length = char.IsHighSurrogate(payload[MaxKeptPayloadChars - 1]) ? MaxKeptPayloadChars - 1 : MaxKeptPayloadChars;
        return payload[..length];
    }

    /// <summary>A message quotes at most a few values, but a property holds at most 32K characters whatever it quotes.</summary>
    private static string LimitedMessage(string message) => message.Length <= 4_000 ? message : message[..3_997] + "...";

    private const int MaxKeptPayloadChars = EventBodies.MaxBytes;

    private static RejectedEvent FromRow(TableEntity row) => new(
        RejectedEventKeys.Id(row.PartitionKey, row.RowKey),
        LongText.Read(row, PayloadColumn),
        new EventRejection(Enum.Parse<RejectionReason>(row.RequiredString("Reason")), row.RequiredString("Field"), row.RequiredString("Message")),
        row.RequiredString("Source"),
        row.RequiredInstant("ReceivedAt"),
        StoredTime.FromColumn(row.GetDateTimeOffset("ReplayedAt")))
    {
        PayloadTruncated = row.GetBoolean("PayloadTruncated") ?? false,
        PayloadBytes = row.GetInt64("PayloadBytes"),
        PayloadSha256 = row.GetString("PayloadSha256"),
    };
}
