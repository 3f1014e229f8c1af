using AfterSales.Core.Application;
using AfterSales.Core.Calendars;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// P3 tickets (business hours) opened over a weekend and answered: a week later their 7-calendar-day step falls on the
/// next weekend, which a business-hours policy moves to the Monday 08:30 opening. Every earlier step is already
/// produced (as earlier sweeps would have), so each ticket is listed in the due index at that one opening.
/// </summary>
public sealed class BurstTickets(SlaEngine engine, BusinessCalendar calendar, int seed)
{
    /// <summary>Saturday 7 November 2026 (no holiday that week or the next) in the calendar's time zone.</summary>
    private static readonly LocalDate OpeningWeekend = new(2026, 11, 7);

    private static readonly string[] Teams = ["metro", "retail", "install"];
    private readonly Random random = new(seed);

    /// <summary>The opening at which every burst ticket falls due: Monday 16 November 2026, 08:30 on the business calendar.</summary>
    public Instant Opening { get; } = calendar.NextWorkingInstant(
        OpeningWeekend.PlusDays(7).AtStartOfDayInZone(calendar.Zone).ToInstant());

    public StoredTicket Create(string ticketId)
    {
        var weekend = OpeningWeekend.AtStartOfDayInZone(calendar.Zone).ToInstant();
        var opened = weekend + Duration.FromSeconds(random.NextDouble() * Duration.FromDays(2).TotalSeconds);
        var owner = new Person("u-agent", "Li Wei", "li.wei@example.com");
        var customer = new Customer($"C-{ticketId}", "刘洋", "+8613600136000", null, "zh-CN");
        TicketEvent[] events =
        [
            new TicketOpened($"{ticketId}-1", ticketId, opened, customer, TicketChannel.Web, TicketCategory.Repair,
                "P3", null, null, Teams[random.Next(Teams.Length)], owner, "Load-run burst ticket"),
            new AgentResponded($"{ticketId}-2", ticketId, opened + Duration.FromMinutes(5), owner),
        ];
        var history = events.Aggregate(TicketHistory.Empty(ticketId), (h, e) => h.Apply(e));
        var justBefore = Opening - Duration.FromTicks(1);
        var assessment = engine.Assess(history, justBefore);
        var ticket = new StoredTicket(
            history.MarkProduced(assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key)), DueIndexing.NextIndexInstant(assessment));
        if (ticket.IndexedDueAt != Opening)
            throw new InvalidOperationException($"Burst ticket {ticketId} is due at {ticket.IndexedDueAt}, not at the opening {Opening}: the calendar or ladder settings differ from the defaults.");
        return ticket;
    }
}
