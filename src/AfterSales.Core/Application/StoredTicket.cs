using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>A ticket as storage keeps it: its history and the instant under which the due index lists it.</summary>
/// <param name="IndexedDueAt">The due-index row this ticket has (null: none, nothing will fall due).</param>
public sealed record StoredTicket(TicketHistory History, Instant? IndexedDueAt);

/// <summary>A loaded ticket with the version token that a conditional save must match.</summary>
public sealed record VersionedTicket(StoredTicket Ticket, string Version);
