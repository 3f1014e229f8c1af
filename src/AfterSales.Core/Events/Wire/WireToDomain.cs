using System.Diagnostics;
using NodaTime;

namespace AfterSales.Core.Events.Wire;

/// <summary>Builds the domain event from its wire shape, checking fields in contract order.</summary>
internal static class WireToDomain
{
    public static AfterSalesEvent ToEvent(EventDto dto, FieldChecks check)
    {
        var eventId = check.RequiredId(dto.EventId, "eventId");
        var occurredAt = check.OccurredAt(dto.OccurredAt);
        var sequence = check.Sequence(dto.Sequence);
        AfterSalesEvent evt = dto is DeliveryEventDto delivery
            ? ToDeliveryEvent(delivery, eventId, occurredAt, check)
            : ToTicketEvent(dto, eventId, check.RequiredId(dto.TicketId, "ticketId"), occurredAt, check);
        return sequence is null ? evt : evt with { Sequence = sequence };
    }

    private static TicketEvent ToTicketEvent(EventDto dto, string eventId, string ticketId, Instant at, FieldChecks check) =>
        dto switch
        {
            TicketOpenedDto d => new TicketOpened(
                eventId, ticketId, at,
                check.Customer(d.Customer, "customer"),
                check.Required(d.Channel, "channel", WireVocabularies.Channels),
                check.Required(d.Category, "category", WireVocabularies.Categories),
                check.Priority(d.Priority),
                check.OptionalId(d.ProductId, "productId"),
                check.OptionalId(d.InstallationId, "installationId"),
                check.Required(d.Team, "team"),
                check.Person(d.Owner, "owner"),
                check.Required(d.Summary, "summary")),
            TicketAssignedDto d => new TicketAssigned(eventId, ticketId, at, check.Person(d.Owner, "owner")),
            AgentRespondedDto d => new AgentResponded(eventId, ticketId, at, check.OptionalPerson(d.Agent, "agent")),
            CustomerRepliedDto => new CustomerReplied(eventId, ticketId, at),
            StatusChangedDto d => new StatusChanged(
                eventId, ticketId, at, check.Required(d.Status, "status", WireVocabularies.Statuses)),
            CommitmentMadeDto d => new CommitmentMade(
                eventId, ticketId, at, check.ScheduledTimeNotBefore(d.DueBy, "dueBy", at, "occurredAt"), d.Description),
            AppointmentScheduledDto d => new AppointmentScheduled(
                eventId, ticketId, at,
                check.RequiredId(d.AppointmentId, "appointmentId"),
                check.ScheduledTime(d.VisitAt, "visitAt"),
                d.Technician),
            AppointmentCancelledDto d => new AppointmentCancelled(
                eventId, ticketId, at, check.RequiredId(d.AppointmentId, "appointmentId")),
            TicketResolvedDto d => new TicketResolved(eventId, ticketId, at, d.Resolution),
            TicketReopenedDto d => new TicketReopened(eventId, ticketId, at, d.Reason),
            TicketClosedDto => new TicketClosed(eventId, ticketId, at),
            FaultReportFiledDto d => new FaultReportFiled(eventId, ticketId, at, d.Cause, d.Prevention),
            PriorityChangedDto d => new PriorityChanged(eventId, ticketId, at, check.Priority(d.Priority)),
            _ => throw new UnreachableException($"No mapping for {dto.GetType().Name}."),
        };

    private static DeliveryEvent ToDeliveryEvent(DeliveryEventDto dto, string eventId, Instant at, FieldChecks check)
    {
        var ticketId = check.OptionalId(dto.TicketId, "ticketId");
        var customer = check.Customer(dto.Customer, "customer");
        var installationId = check.RequiredId(dto.InstallationId, "installationId");
        var contractEndsOn = dto.ContractEndsOn is { } date ? LocalDate.FromDateOnly(date) : (LocalDate?)null;
        return dto switch
        {
            ProductDeliveredDto => new ProductDelivered(eventId, at, ticketId, customer, installationId, contractEndsOn),
            InstallationHandedOverDto => new InstallationHandedOver(eventId, at, ticketId, customer, installationId, contractEndsOn),
            _ => throw new UnreachableException($"No mapping for {dto.GetType().Name}."),
        };
    }
}
