using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;

namespace AfterSales.Core.Events.Wire;

/// <summary>The contract's <c>type</c> values and the wire shape each one is read with.</summary>
internal static class WireEventTypes
{
    private static readonly FrozenDictionary<string, JsonTypeInfo> ByName = new Dictionary<string, JsonTypeInfo>
    {
        [nameof(TicketOpened)] = EventJsonContext.Default.TicketOpenedDto,
        [nameof(TicketAssigned)] = EventJsonContext.Default.TicketAssignedDto,
        [nameof(AgentResponded)] = EventJsonContext.Default.AgentRespondedDto,
        [nameof(CustomerReplied)] = EventJsonContext.Default.CustomerRepliedDto,
        [nameof(StatusChanged)] = EventJsonContext.Default.StatusChangedDto,
        [nameof(CommitmentMade)] = EventJsonContext.Default.CommitmentMadeDto,
        [nameof(AppointmentScheduled)] = EventJsonContext.Default.AppointmentScheduledDto,
        [nameof(AppointmentCancelled)] = EventJsonContext.Default.AppointmentCancelledDto,
        [nameof(TicketResolved)] = EventJsonContext.Default.TicketResolvedDto,
        [nameof(TicketReopened)] = EventJsonContext.Default.TicketReopenedDto,
        [nameof(TicketClosed)] = EventJsonContext.Default.TicketClosedDto,
        [nameof(PriorityChanged)] = EventJsonContext.Default.PriorityChangedDto,
        [nameof(FaultReportFiled)] = EventJsonContext.Default.FaultReportFiledDto,
        [nameof(ProductDelivered)] = EventJsonContext.Default.ProductDeliveredDto,
        [nameof(InstallationHandedOver)] = EventJsonContext.Default.InstallationHandedOverDto,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string type, out JsonTypeInfo typeInfo) => ByName.TryGetValue(type, out typeInfo!);
}
