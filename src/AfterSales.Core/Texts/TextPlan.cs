using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>The planner's answer for one ticket at one instant.</summary>
/// <param name="Planned">Every text the ticket is owed so far, produced or not.</param>
/// <param name="DueNow">Texts whose send instant has come and that were not produced yet, earliest first.</param>
/// <param name="NextDueAt">When a not-yet-due text falls due (or a future-stamped event takes effect); null when none will.</param>
public sealed record TextPlan(string TicketId, IReadOnlyList<CustomerText> Planned, IReadOnlyList<CustomerText> DueNow, Instant? NextDueAt)
{
    public static TextPlan Nothing(string ticketId, Instant? nextDueAt) => new(ticketId, [], [], nextDueAt);
}
