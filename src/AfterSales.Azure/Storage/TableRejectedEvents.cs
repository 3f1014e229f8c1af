using System.Runtime.CompilerServices;
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
        var (partitionKey, rowKey) = RejectedEventKeys.New(receivedAt);
        var row = new TableEntity(partitionKey, rowKey)
        {
            ["Reason"] = rejection.Reason.ToString(),
            ["Field"] = rejection.Field,
            ["Message"] = rejection.Message,
            ["Source"] = source,
            ["ReceivedAt"] = StoredTime.ToColumn(receivedAt),
        };
        LongText.Write(row, PayloadColumn, payload);
        if (!await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"Rejected-event key {partitionKey}/{rowKey} was taken: a new GUID collided.");
        return new RejectedEvent(RejectedEventKeys.Id(partitionKey, rowKey), payload, rejection, source, receivedAt, null);
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

    private static RejectedEvent FromRow(TableEntity row) => new(
        RejectedEventKeys.Id(row.PartitionKey, row.RowKey),
        LongText.Read(row, PayloadColumn),
        new EventRejection(Enum.Parse<RejectionReason>(row.RequiredString("Reason")), row.RequiredString("Field"), row.RequiredString("Message")),
        row.RequiredString("Source"),
        row.RequiredInstant("ReceivedAt"),
        StoredTime.FromColumn(row.GetDateTimeOffset("ReplayedAt")));
}
