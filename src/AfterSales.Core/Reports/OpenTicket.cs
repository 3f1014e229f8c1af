using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// A ticket listed as open in the reports' index of open tickets: one entry per open cycle, keyed by the cycle's start
/// (the opening, or the reopening), so the oldest come first and a reopened ticket is listed from its reopening.
/// </summary>
public sealed record OpenTicket(string TicketId, string Team, Instant OpenedAt, int Cycle);

/// <summary>A line of the digest's oldest open tickets, as the ticket stands when the digest is written.</summary>
/// <param name="Level">The last escalation level whose email went out for the current cycle; null when none did.</param>
public sealed record OldestOpenLine(string TicketId, Duration Age, string? Priority, string? Owner, string? Level, int Cycle);
