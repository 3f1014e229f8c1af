using AfterSales.Core.Events;

namespace AfterSales.Core.Application;

public enum IngestOutcome
{
    /// <summary>The event changed the ticket; its deadlines were re-planned and re-indexed.</summary>
    Applied,
    /// <summary>The same eventId was applied before: nothing changed.</summary>
    Duplicate,
    /// <summary>A delivery was recorded for the revisit programme.</summary>
    DeliveryRecorded,
    /// <summary>The event could not be applied; it is kept with the reason.</summary>
    Rejected,
}

/// <param name="RejectedId">Where the rejected payload is kept (to list and replay it).</param>
public sealed record IngestResult(IngestOutcome Outcome, string? EventId, string? TicketId, EventRejection? Rejection, string? RejectedId)
{
    public static IngestResult Of(IngestOutcome outcome, AfterSalesEvent e, string? ticketId) => new(outcome, e.EventId, ticketId, null, null);
}
