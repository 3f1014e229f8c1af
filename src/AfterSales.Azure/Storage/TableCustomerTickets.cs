using AfterSales.Core.Events;
using AfterSales.Core.ThreeStrikes;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The three-strikes index: PartitionKey the customer's key (the keyed hash of the customer id, <see cref="ContactKeys.Customer"/>; never
/// a phone or an email), RowKey <c>t:</c> plus the escaped ticket id for a ticket (OpenedAt, Category, Team, Summary) and
/// <c>f:</c> plus the escaped ticket id for a flag raised at that ticket (At, Counted: the ticket ids, one per line).
/// Upserts: recording the same ticket or flag twice changes nothing. A customer's rows are one partition read.
/// </summary>
public sealed class TableCustomerTickets : ICustomerTickets
{
    private const string TicketPrefix = "t:";
    private const string FlagPrefix = "f:";
    private readonly CountingTable table;

    internal TableCustomerTickets(CountingTable table) => this.table = table;

    public Task RecordAsync(string customerKey, CustomerTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return table.UpsertAsync(new TableEntity(customerKey, TicketPrefix + KeyEscaping.Escape(ticket.TicketId))
        {
            ["TicketId"] = ticket.TicketId,
            ["OpenedAt"] = StoredTime.ToColumn(ticket.OpenedAt),
            ["Category"] = ticket.Category.ToString(),
            ["Team"] = ticket.Team,
            ["Summary"] = ticket.Summary,
        }, cancellationToken);
    }

    public Task RecordFlagAsync(string customerKey, StrikeFlag flag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return table.UpsertAsync(new TableEntity(customerKey, FlagPrefix + KeyEscaping.Escape(flag.TicketId))
        {
            ["TicketId"] = flag.TicketId,
            ["At"] = StoredTime.ToColumn(flag.At),
            ["Counted"] = string.Join('\n', flag.Counted),
        }, cancellationToken);
    }

    /// <summary>The partitions still under an unkeyed customer key (32 hex digits; the keyed ones have 64), with the tickets each lists.</summary>
    internal async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> LegacyPartitionsAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync(null, ["PartitionKey", "RowKey", "TicketId"], cancellationToken).ConfigureAwait(false))
        {
            if (row.PartitionKey.Length != CustomerKeys.UnkeyedLength || !row.RowKey.StartsWith(TicketPrefix, StringComparison.Ordinal)) continue;
            if (!found.TryGetValue(row.PartitionKey, out var tickets)) found[row.PartitionKey] = tickets = [];
            if (row.GetString("TicketId") is { } id) tickets.Add(id);
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Moves every row of the partitions <paramref name="newKeys"/> names to its new key.</summary>
    internal Task<int> MoveKeysAsync(IReadOnlyDictionary<string, string> newKeys, CancellationToken cancellationToken) =>
        LegacyPhoneKeys.MoveAsync(table, key => newKeys.GetValueOrDefault(key), cancellationToken);

    public async Task<(IReadOnlyList<CustomerTicket> Tickets, IReadOnlyList<StrikeFlag> Flags)> ReadAsync(string customerKey, CancellationToken cancellationToken)
    {
        var tickets = new List<CustomerTicket>();
        var flags = new List<StrikeFlag>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {customerKey}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
        {
            var ticketId = row.GetString("TicketId") ?? throw new InvalidDataException($"Customer row {row.RowKey} has no TicketId.");
            if (row.RowKey.StartsWith(TicketPrefix, StringComparison.Ordinal))
            {
                tickets.Add(new CustomerTicket(
                    ticketId,
                    StoredTime.FromColumn(row.GetDateTimeOffset("OpenedAt") ?? throw new InvalidDataException($"Customer row {row.RowKey} has no OpenedAt.")),
                    Enum.Parse<TicketCategory>(row.GetString("Category") ?? nameof(TicketCategory.Inquiry)),
                    row.GetString("Team") ?? "",
                    row.GetString("Summary") ?? ""));
            }
            else if (row.RowKey.StartsWith(FlagPrefix, StringComparison.Ordinal))
            {
                flags.Add(new StrikeFlag(
                    ticketId,
                    StoredTime.FromColumn(row.GetDateTimeOffset("At") ?? throw new InvalidDataException($"Flag row {row.RowKey} has no At.")),
                    (row.GetString("Counted") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        return (tickets, flags);
    }
}
