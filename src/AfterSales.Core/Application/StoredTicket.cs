using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>A ticket as storage keeps it: its history and the instant under which the due index lists it.</summary>
/// <param name="IndexedDueAt">The due-index row of the ticket's next due instant (null: none, nothing will fall due).</param>
/// <param name="ReassessAt">The due-index row an ingestion of an earlier version noted for events no sweep has assessed yet (null: none).</param>
public sealed record StoredTicket(TicketHistory History, Instant? IndexedDueAt, Instant? ReassessAt = null);

/// <summary>A loaded ticket with the version token that a conditional save must match.</summary>
public sealed record VersionedTicket(StoredTicket Ticket, string Version);
