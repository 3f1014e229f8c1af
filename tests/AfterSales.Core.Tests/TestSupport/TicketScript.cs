using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.TestSupport;

/// <summary>Writes a ticket's history the way a helpdesk would send it, with Shanghai local times.</summary>
internal sealed class TicketScript(string ticketId = "T-1")
{
    public static readonly Person Owner = new("u-1", "Li Wei", "li.wei@example.com");
    private int sequence;

    public List<TicketEvent> Events { get; } = [];

    public TicketHistory History => Events.Aggregate(TicketHistory.Empty(ticketId), (h, e) => h.Apply(e));

    public TicketScript Opened(string at, string priority = "P3", TicketCategory category = TicketCategory.Repair, string team = "metro") =>
        Add(new TicketOpened(NextId(), ticketId, At(at),
            new Customer("C-1", "张伟", "+8613800138000", "zhang.wei@example.cn", "zh-CN"),
            TicketChannel.Phone, category, priority, null, "INS-1", team, Owner, "Signalling server down"));

    public TicketScript Responded(string at) => Add(new AgentResponded(NextId(), ticketId, At(at), Owner));

    public TicketScript CustomerReplied(string at) => Add(new CustomerReplied(NextId(), ticketId, At(at)));

    public TicketScript Status(string at, TicketStatus status) => Add(new StatusChanged(NextId(), ticketId, At(at), status));

    public TicketScript Committed(string at, string dueBy) => Add(new CommitmentMade(NextId(), ticketId, At(at), At(dueBy), "Call back"));

    public TicketScript PriorityChanged(string at, string priority) => Add(new PriorityChanged(NextId(), ticketId, At(at), priority));

    public TicketScript Resolved(string at) => Add(new TicketResolved(NextId(), ticketId, At(at), "Fixed"));

    public TicketScript Reopened(string at) => Add(new TicketReopened(NextId(), ticketId, At(at), "Broke again"));

    public TicketScript Closed(string at) => Add(new TicketClosed(NextId(), ticketId, At(at)));

    private TicketScript Add(TicketEvent e)
    {
        Events.Add(e);
        return this;
    }

    private string NextId() => $"{ticketId}-e{++sequence}";
}
