using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>One ticket of a customer, as the three-strikes index keeps it: enough to count and to list it in the flag email.</summary>
public sealed record CustomerTicket(string TicketId, Instant OpenedAt, TicketCategory Category, string Team, string Summary);

/// <summary>A customer flagged to the manager: the ticket that made the strike, when, and the tickets counted.</summary>
public sealed record StrikeFlag(string TicketId, Instant At, IReadOnlyList<string> Counted);
