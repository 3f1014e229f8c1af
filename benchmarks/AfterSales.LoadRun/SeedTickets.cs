using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// Realistic open tickets as of an instant: P2 (24x7) and P3 (business hours), opened over the last 15 days,
/// answered, with the steps due before that instant already produced (as earlier sweeps would have), so their
/// next due instants spread over the following days.
/// </summary>
public sealed class SeedTickets(SlaEngine engine, int seed)
{
    private static readonly string[] Teams = ["metro", "retail", "install"];
    private readonly Random random = new(seed);

    public StoredTicket Create(string ticketId, Instant asOf)
    {
        var opened = asOf - Duration.FromSeconds(random.NextDouble() * Duration.FromDays(15).TotalSeconds);
        var lastReply = opened + Duration.FromSeconds(random.NextDouble() * (asOf - opened).TotalSeconds);
        var owner = new Person("u-agent", "Li Wei", "li.wei@example.com");
        var customer = new Customer($"C-{ticketId}", "张伟", "+8613800138000", null, "zh-CN");
        TicketEvent[] events =
        [
            new TicketOpened($"{ticketId}-1", ticketId, opened, customer, TicketChannel.Phone, TicketCategory.Repair,
                random.Next(2) == 0 ? "P2" : "P3", null, null, Teams[random.Next(Teams.Length)], owner, "Load-run ticket"),
            new AgentResponded($"{ticketId}-2", ticketId, opened + Duration.FromMinutes(5), owner),
            new AgentResponded($"{ticketId}-3", ticketId, Instant.Max(lastReply, opened + Duration.FromMinutes(6)), owner),
        ];
        var history = events.Aggregate(TicketHistory.Empty(ticketId), (h, e) => h.Apply(e));
        var assessment = engine.Assess(history, asOf);
        return new StoredTicket(history.MarkProduced(assessment.DueNow.Select(s => s.Key)), DueIndexing.NextIndexInstant(assessment));
    }
}
