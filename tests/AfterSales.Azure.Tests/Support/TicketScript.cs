using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Support;

/// <summary>Writes a ticket's events the way a helpdesk would send them, with Shanghai local times.</summary>
internal sealed class TicketScript(string ticketId = "T-1")
{
    public static readonly Person Owner = new("u-1", "Li Wei", "li.wei@example.com");
    private int sequence;

    public string TicketId => ticketId;

    public List<TicketEvent> Events { get; } = [];

    public TicketHistory History => Events.Aggregate(TicketHistory.Empty(ticketId), (h, e) => h.Apply(e));

    /// <summary>Each event as the contract JSON a helpdesk posts (times at +08:00).</summary>
    public IEnumerable<string> Payloads => Events.Select(Payload);

    public static string Payload(AfterSalesEvent e) => TicketEventWriter.ToJson(e, NodaTime.Offset.FromHours(8));

    public TicketScript Opened(string at, string priority = "P3", TicketCategory category = TicketCategory.Repair, string team = "metro") =>
        Add(new TicketOpened(NextId(), ticketId, At(at),
            new Customer("C-1", "张伟", "+8613800138000", "zhang.wei@example.cn", "zh-CN"),
            TicketChannel.Phone, category, priority, null, "INS-1", team, Owner, "Signalling server down"));

    public TicketScript Assigned(string at, string ownerName) =>
        Add(new TicketAssigned(NextId(), ticketId, At(at), new Person($"u-{sequence}", ownerName, null)));

    public TicketScript Responded(string at) => Add(new AgentResponded(NextId(), ticketId, At(at), Owner));

    public TicketScript CustomerReplied(string at) => Add(new CustomerReplied(NextId(), ticketId, At(at)));

    public TicketScript Status(string at, TicketStatus status) => Add(new StatusChanged(NextId(), ticketId, At(at), status));

    public TicketScript Resolved(string at) => Add(new TicketResolved(NextId(), ticketId, At(at), "Fixed"));

    public TicketScript Closed(string at) => Add(new TicketClosed(NextId(), ticketId, At(at)));

    public TicketScript FaultReportFiled(string at) => Add(new FaultReportFiled(NextId(), ticketId, At(at), "Power module aged", "Replace the batch"));

    public TicketScript Add(TicketEvent e)
    {
        Events.Add(e);
        return this;
    }

    public TicketEvent this[int index] => Events[index];

    private string NextId() => $"{ticketId}-e{++sequence}";
}
