using System.Diagnostics;
using NodaTime;

namespace AfterSales.Core.Events.Wire;

/// <summary>The wire shape of a domain event; times are written at the given offset.</summary>
internal static class DomainToWire
{
    public static EventDto ToDto(AfterSalesEvent evt, Offset offset)
    {
        DateTimeOffset Time(Instant instant) => instant.WithOffset(offset).ToDateTimeOffset();

        EventDto dto = evt switch
        {
            TicketOpened e => new TicketOpenedDto
            {
                Customer = ToDto(e.Customer),
                Channel = WireVocabularies.Channels.ToWire(e.Channel),
                Category = WireVocabularies.Categories.ToWire(e.Category),
                Priority = e.Priority,
                ProductId = e.ProductId,
                InstallationId = e.InstallationId,
                Team = e.Team,
                Owner = ToDto(e.Owner),
                Summary = e.Summary,
            },
            TicketAssigned e => new TicketAssignedDto { Owner = ToDto(e.Owner) },
            AgentResponded e => new AgentRespondedDto { Agent = e.Agent is null ? null : ToDto(e.Agent) },
            CustomerReplied => new CustomerRepliedDto(),
            StatusChanged e => new StatusChangedDto { Status = WireVocabularies.Statuses.ToWire(e.Status) },
            CommitmentMade e => new CommitmentMadeDto { DueBy = Time(e.DueBy), Description = e.Description },
            AppointmentScheduled e => new AppointmentScheduledDto
            {
                AppointmentId = e.AppointmentId, VisitAt = Time(e.VisitAt), Technician = e.Technician,
            },
            AppointmentCancelled e => new AppointmentCancelledDto { AppointmentId = e.AppointmentId },
            TicketResolved e => new TicketResolvedDto { Resolution = e.Resolution },
            TicketReopened e => new TicketReopenedDto { Reason = e.Reason },
            TicketClosed => new TicketClosedDto(),
            FaultReportFiled e => new FaultReportFiledDto { Cause = e.Cause, Prevention = e.Prevention },
            PriorityChanged e => new PriorityChangedDto { Priority = e.Priority },
            ProductDelivered e => Fill(new ProductDeliveredDto(), e),
            InstallationHandedOver e => Fill(new InstallationHandedOverDto(), e),
            _ => throw new UnreachableException($"No wire shape for {evt.GetType().Name}."),
        };

        dto.EventId = evt.EventId;
        dto.Type = evt.Type;
        dto.OccurredAt = Time(evt.OccurredAt);
        dto.Sequence = evt.Sequence;
        dto.TicketId = evt switch
        {
            TicketEvent t => t.TicketId,
            DeliveryEvent d => d.TicketId,
            _ => null,
        };
        return dto;
    }

    private static DeliveryEventDto Fill(DeliveryEventDto dto, DeliveryEvent evt)
    {
        dto.Customer = ToDto(evt.Customer);
        dto.InstallationId = evt.InstallationId;
        dto.ContractEndsOn = evt.ContractEndsOn?.ToDateOnly();
        return dto;
    }

    private static CustomerDto ToDto(Customer customer) => new()
    {
        Id = customer.Id, Name = customer.Name, Phone = customer.Phone, Email = customer.Email, Locale = customer.Locale, TimeZone = customer.TimeZone,
    };

    private static PersonDto ToDto(Person person) => new() { Id = person.Id, Name = person.Name, Email = person.Email };
}
