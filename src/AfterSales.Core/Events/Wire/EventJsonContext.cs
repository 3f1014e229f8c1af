using System.Text.Json.Serialization;

namespace AfterSales.Core.Events.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimeWithOffsetConverter)])]
[JsonSerializable(typeof(TicketOpenedDto))]
[JsonSerializable(typeof(TicketAssignedDto))]
[JsonSerializable(typeof(AgentRespondedDto))]
[JsonSerializable(typeof(CustomerRepliedDto))]
[JsonSerializable(typeof(StatusChangedDto))]
[JsonSerializable(typeof(CommitmentMadeDto))]
[JsonSerializable(typeof(AppointmentScheduledDto))]
[JsonSerializable(typeof(AppointmentCancelledDto))]
[JsonSerializable(typeof(TicketResolvedDto))]
[JsonSerializable(typeof(TicketReopenedDto))]
[JsonSerializable(typeof(TicketClosedDto))]
[JsonSerializable(typeof(FaultReportFiledDto))]
[JsonSerializable(typeof(PriorityChangedDto))]
[JsonSerializable(typeof(ProductDeliveredDto))]
[JsonSerializable(typeof(InstallationHandedOverDto))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
