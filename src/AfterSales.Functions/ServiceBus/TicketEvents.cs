using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions;

/// <summary>
/// Ticket events from the helpdesk's Service Bus queue. A message that cannot be understood is stored as rejected and
/// the message completes (never a poison loop); only a storage failure throws, so Service Bus redelivers it.
/// </summary>
public sealed partial class TicketEvents(TicketEventIngestion ingestion, ILogger<TicketEvents> logger)
{
    [Function(nameof(TicketEvents))]
    public async Task Run(
        [ServiceBusTrigger("%TicketEventsQueue%", Connection = "ServiceBusConnection")] ServiceBusReceivedMessage message,
        CancellationToken cancellationToken)
    {
        var result = await ingestion.IngestAsync(message.Body.ToMemory(), EventSources.ServiceBus, cancellationToken);
        LogIngested(logger, message.MessageId, result.Outcome, result.EventId, result.TicketId, result.Rejection?.Reason, result.Rejection?.Field, result.RejectedId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId}: {Outcome} event {EventId} of ticket {TicketId}; rejected {Reason} at {Field} as {RejectedId}")]
    private static partial void LogIngested(
        ILogger logger, string messageId, IngestOutcome outcome, string? eventId, string? ticketId, RejectionReason? reason, string? field, string? rejectedId);
}
