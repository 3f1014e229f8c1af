namespace AfterSales.Core.ThreeStrikes;

/// <summary>
/// Each customer's tickets and the flags raised for them, under a hash of the customer id (keyed with <c>Storage__KeyHashSecret</c> in deployed stores):
/// never keyed by a phone number or an email address. Writes are upserts, so recording twice changes nothing.
/// </summary>
public interface ICustomerTickets
{
    Task RecordAsync(string customerKey, CustomerTicket ticket, CancellationToken cancellationToken);

    Task RecordFlagAsync(string customerKey, StrikeFlag flag, CancellationToken cancellationToken);

    /// <summary>Every ticket and flag of the customer (a customer has a handful: one partition read).</summary>
    Task<(IReadOnlyList<CustomerTicket> Tickets, IReadOnlyList<StrikeFlag> Flags)> ReadAsync(string customerKey, CancellationToken cancellationToken);
}
