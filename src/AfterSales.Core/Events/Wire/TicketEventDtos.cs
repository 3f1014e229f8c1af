namespace AfterSales.Core.Events.Wire;

// One wire shape per ticket event type, so a field that belongs to another type is ignored like any
// unknown property instead of being type-checked against the wrong contract.

internal sealed class TicketOpenedDto : EventDto
{
    public CustomerDto? Customer { get; set; }
    public string? Channel { get; set; }
    public string? Category { get; set; }
    public string? Priority { get; set; }
    public string? ProductId { get; set; }
    public string? InstallationId { get; set; }
    public string? Team { get; set; }
    public PersonDto? Owner { get; set; }
    public string? Summary { get; set; }
}

internal sealed class TicketAssignedDto : EventDto
{
    public PersonDto? Owner { get; set; }
}

internal sealed class AgentRespondedDto : EventDto
{
    public PersonDto? Agent { get; set; }
}

internal sealed class CustomerRepliedDto : EventDto;

internal sealed class StatusChangedDto : EventDto
{
    public string? Status { get; set; }
}

internal sealed class CommitmentMadeDto : EventDto
{
    public DateTimeOffset? DueBy { get; set; }
    public string? Description { get; set; }
}

internal sealed class AppointmentScheduledDto : EventDto
{
    public string? AppointmentId { get; set; }
    public DateTimeOffset? VisitAt { get; set; }
    public string? Technician { get; set; }
}

internal sealed class AppointmentCancelledDto : EventDto
{
    public string? AppointmentId { get; set; }
}

internal sealed class TicketResolvedDto : EventDto
{
    public string? Resolution { get; set; }
}

internal sealed class TicketReopenedDto : EventDto
{
    public string? Reason { get; set; }
}

internal sealed class TicketClosedDto : EventDto;

internal sealed class FaultReportFiledDto : EventDto
{
    public string? Cause { get; set; }

    public string? Prevention { get; set; }
}

internal sealed class PriorityChangedDto : EventDto
{
    public string? Priority { get; set; }
}
