using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// Something AfterSales must do once for a ticket: tell <see cref="Role"/> that a promise is at risk or missed.
/// <see cref="Key"/> (<c>ticket/clock/level/cycle</c>) is stable: the same step is never produced twice.
/// </summary>
/// <param name="TriggeredAt">When the rule fired (the deadline, the warning point, the opening).</param>
/// <param name="DueAt">When to send: the trigger plus the level's delay, moved to the next opening for calendar-timed steps of business-hours policies.</param>
/// <param name="Recipient">Address for the role in the ticket's team, or null when settings give none.</param>
public sealed record EscalationStep(
    string Key,
    string TicketId,
    int Cycle,
    string Level,
    LadderTrigger Trigger,
    ClockKind? Clock,
    string ClockId,
    string Role,
    string? Recipient,
    Instant TriggeredAt,
    Instant DueAt,
    Instant? Deadline,
    string Expectation)
{
    public static string KeyFor(string ticketId, string clockId, string level, int cycle) => $"{ticketId}/{clockId}/{level}/{cycle}";
}
