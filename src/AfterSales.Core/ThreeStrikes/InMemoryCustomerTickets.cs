using System.Collections.Concurrent;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>The three-strikes index kept in the process (simulations and tests); the Azure host keeps it in a table.</summary>
public sealed class InMemoryCustomerTickets : ICustomerTickets
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, CustomerTicket>> tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, StrikeFlag>> flags = new(StringComparer.Ordinal);

    public Task RecordAsync(string customerKey, CustomerTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        tickets.GetOrAdd(customerKey, _ => new(StringComparer.Ordinal))[ticket.TicketId] = ticket;
        return Task.CompletedTask;
    }

    public Task RecordFlagAsync(string customerKey, StrikeFlag flag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flag);
        flags.GetOrAdd(customerKey, _ => new(StringComparer.Ordinal))[flag.TicketId] = flag;
        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<CustomerTicket> Tickets, IReadOnlyList<StrikeFlag> Flags)> ReadAsync(string customerKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<CustomerTicket> t = tickets.TryGetValue(customerKey, out var found) ? [.. found.Values] : [];
        IReadOnlyList<StrikeFlag> f = flags.TryGetValue(customerKey, out var raised) ? [.. raised.Values] : [];
        return Task.FromResult((t, f));
    }
}
