using AfterSales.Core.Reports;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The index of open tickets, in the totals table under PartitionKey <c>open</c>: two rows per open cycle, written and
/// deleted together in one entity-group transaction. RowKey <c>t|{escaped team}|{start ticks}|{escaped ticket}|{cycle}</c>
/// lists it in its team, <c>a|{start ticks}|{escaped ticket}|{cycle}</c> over all teams; the start as 19 digits of Unix
/// ticks, so a RowKey-range query returns the oldest first and a digest reads the first few of each list with one
/// request. Listing is an upsert and unlisting a delete that a missing row does not fail, so both are idempotent.
/// </summary>
public sealed class TableOpenTickets : IOpenTickets
{
    internal const string Partition = "open";
    private readonly CountingTable table;

    internal TableOpenTickets(CountingTable table) => this.table = table;

    public Task OpenAsync(OpenTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return table.SubmitAsync([.. Rows(ticket).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))], cancellationToken);
    }

    public async Task CloseAsync(OpenTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        // The two rows come and go together: a refusal (404) means both are gone already.
        await table.TrySubmitAsync([.. Rows(ticket).Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All))], cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OpenTicket>> OldestAsync(string? team, int count, CancellationToken cancellationToken)
    {
        var prefix = team is null ? "a|" : $"t|{KeyEscaping.Escape(team)}|";
        // '|' + 1 is '}': every RowKey starting with the prefix sorts below prefix[..^1] + '}'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var found = new List<OpenTicket>(count);
        if (count <= 0) return found;
        await foreach (var row in table.QueryAsync(filter, ["TicketId", "Team", "OpenedAt", "Cycle"], cancellationToken, maxPerPage: count).ConfigureAwait(false))
        {
            found.Add(new OpenTicket(
                row.GetString("TicketId") ?? throw new InvalidDataException($"Open-ticket row {row.RowKey} has no TicketId."),
                row.GetString("Team") ?? "",
                Instant.FromUnixTimeTicks(row.GetInt64("OpenedAt") ?? 0),
                row.GetInt32("Cycle") ?? 1));
            if (found.Count == count) break;
        }

        return found;
    }

    /// <summary>Deletes the <c>open</c> partition, a hundred rows a request.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(filter, ["PartitionKey", "RowKey"], cancellationToken).ConfigureAwait(false)) rows.Add(row);
        foreach (var chunk in rows.Chunk(CountingTable.MaxBatchSize))
            await table.DeleteBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity[] Rows(OpenTicket ticket)
    {
        var start = ticket.OpenedAt.ToUnixTimeTicks().ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        var tail = $"{start}|{KeyEscaping.Escape(ticket.TicketId)}|{ticket.Cycle}";
        return [Row($"t|{KeyEscaping.Escape(ticket.Team)}|{tail}", ticket), Row($"a|{tail}", ticket)];
    }

    private static TableEntity Row(string rowKey, OpenTicket ticket) => new(Partition, rowKey)
    {
        ["TicketId"] = ticket.TicketId,
        ["Team"] = ticket.Team,
        ["OpenedAt"] = ticket.OpenedAt.ToUnixTimeTicks(),
        ["Cycle"] = ticket.Cycle,
    };
}
