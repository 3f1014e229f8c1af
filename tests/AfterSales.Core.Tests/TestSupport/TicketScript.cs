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

    public static readonly Customer Customer = new("C-1", "张伟", "+8613800138000", "zhang.wei@example.cn", "zh-CN");

    public TicketScript Opened(string at, string priority = "P3", TicketCategory category = TicketCategory.Repair, string team = "metro", Customer? customer = null) =>
        Add(new TicketOpened(NextId(), ticketId, At(at),
            customer ?? Customer,
            TicketChannel.Phone, category, priority, null, "INS-1", team, Owner, "Signalling server down"));

    public TicketScript Responded(string at) => Add(new AgentResponded(NextId(), ticketId, At(at), Owner));

    public TicketScript CustomerReplied(string at) => Add(new CustomerReplied(NextId(), ticketId, At(at)));

    public TicketScript Status(string at, TicketStatus status) => Add(new StatusChanged(NextId(), ticketId, At(at), status));

    public TicketScript Committed(string at, string dueBy) => Add(new CommitmentMade(NextId(), ticketId, At(at), At(dueBy), "Call back"));

    public TicketScript PriorityChanged(string at, string priority) => Add(new PriorityChanged(NextId(), ticketId, At(at), priority));

    public TicketScript Appointment(string at, string appointmentId, string visitAt, string? technician = "王师傅") =>
        Add(new AppointmentScheduled(NextId(), ticketId, At(at), appointmentId, At(visitAt), technician));

    public TicketScript AppointmentCancelled(string at, string appointmentId) =>
        Add(new AppointmentCancelled(NextId(), ticketId, At(at), appointmentId));

    public TicketScript Resolved(string at) => Add(new TicketResolved(NextId(), ticketId, At(at), "Fixed"));

    public TicketScript Reopened(string at) => Add(new TicketReopened(NextId(), ticketId, At(at), "Broke again"));

    public TicketScript Closed(string at) => Add(new TicketClosed(NextId(), ticketId, At(at)));

    public TicketScript FaultReportFiled(string at) => Add(new FaultReportFiled(NextId(), ticketId, At(at), "Power module aged", "Replace the batch"));

    private TicketScript Add(TicketEvent e)
    {
        Events.Add(e);
        return this;
    }

    private string NextId() => $"{ticketId}-e{++sequence}";
}
