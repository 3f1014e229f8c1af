using AfterSales.Core.Events;
using AfterSales.Core.ThreeStrikes;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The three-strikes index: PartitionKey the customer's key (a hash of the customer id, <see cref="CustomerKeys"/>; never
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
