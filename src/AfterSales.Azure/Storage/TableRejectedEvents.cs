using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
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

    /// <summary>Newest first. Reads the whole table: it is small and only admins list it.</summary>
    public async IAsyncEnumerable<RejectedEvent> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false)) rows.Add(row);
        // Within a day RowKeys sort newest first already; days come oldest first, so turn those around.
        foreach (var row in rows.OrderByDescending(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal))
            yield return FromRow(row);
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
