using NodaTime;

namespace AfterSales.Core.Events;

/// <summary>
/// A delivered product or handed-over installation: starts the revisit programme of that customer and
/// installation. <see cref="TicketId"/> is optional (the sales order or project ticket, when there is one).
/// </summary>
public abstract record DeliveryEvent(
    string EventId, Instant OccurredAt, string? TicketId, Customer Customer, string InstallationId,
    LocalDate? ContractEndsOn)
    : AfterSalesEvent(EventId, OccurredAt)
{
    public abstract DeliveryKind Kind { get; }
}

public sealed record ProductDelivered(
    string EventId, Instant OccurredAt, string? TicketId, Customer Customer, string InstallationId, LocalDate? ContractEndsOn)
    : DeliveryEvent(EventId, OccurredAt, TicketId, Customer, InstallationId, ContractEndsOn)
{
    public override DeliveryKind Kind => DeliveryKind.Product;
}

public sealed record InstallationHandedOver(
    string EventId, Instant OccurredAt, string? TicketId, Customer Customer, string InstallationId, LocalDate? ContractEndsOn)
    : DeliveryEvent(EventId, OccurredAt, TicketId, Customer, InstallationId, ContractEndsOn)
{
    public override DeliveryKind Kind => DeliveryKind.Installation;
}
