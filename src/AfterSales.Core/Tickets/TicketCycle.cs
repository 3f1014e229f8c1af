using NodaTime;

namespace AfterSales.Core.Tickets;

/// <summary>
/// One open–resolve cycle of a ticket. Reopening starts a new cycle: its clocks restart from the reopen time
/// and its step keys carry the new number, so no step of an earlier cycle is repeated.
/// </summary>
/// <param name="EndedBy">The event type that ended the cycle (<c>TicketResolved</c> or <c>TicketClosed</c>); null while open.</param>
public sealed record TicketCycle(int Number, Instant Start, Instant? End, string? EndedBy = null)
{
    public bool Contains(Instant instant) => instant >= Start && (End is null || instant < End);
}
