using NodaTime;

namespace AfterSales.Core.Tickets;

/// <summary>
/// One open–resolve cycle of a ticket. Reopening starts a new cycle: its clocks restart from the reopen time
/// and its step keys carry the new number, so no step of an earlier cycle is repeated.
/// </summary>
public sealed record TicketCycle(int Number, Instant Start, Instant? End)
{
    public bool Contains(Instant instant) => instant >= Start && (End is null || instant < End);
}
