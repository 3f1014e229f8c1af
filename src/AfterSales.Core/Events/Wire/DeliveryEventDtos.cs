namespace AfterSales.Core.Events.Wire;

internal abstract class DeliveryEventDto : EventDto
{
    public CustomerDto? Customer { get; set; }
    public string? InstallationId { get; set; }
    public DateOnly? ContractEndsOn { get; set; }
}

internal sealed class ProductDeliveredDto : DeliveryEventDto;

internal sealed class InstallationHandedOverDto : DeliveryEventDto;
