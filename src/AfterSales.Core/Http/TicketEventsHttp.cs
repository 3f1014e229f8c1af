using AfterSales.Core.Application;

namespace AfterSales.Core.Http;

/// <summary>
/// POST /api/tickets/events: one ticket event of the contract (docs/events.md) for helpdesks without Service Bus.
/// 202 when applied (or a delivery recorded), 200 when the same eventId was taken before (safe to retry),
/// 400 problem details naming the field when it cannot be applied; that payload is kept as a rejected event.
/// </summary>
public sealed class TicketEventsHttp(TicketEventIngestion ingestion)
{
    public async Task<ApiResponse> PostAsync(string body, CancellationToken cancellationToken)
    {
        var result = await ingestion.IngestAsync(body, EventSources.Http, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            IngestOutcome.Rejected => ApiResponse.Problem(IngestJson.Rejection(
                ProblemTypes.InvalidEvent, "The ticket event cannot be applied", 400, result.Rejection!, result.RejectedId!)),
            IngestOutcome.Duplicate => ApiResponse.Json(200, IngestJson.Outcome(result)),
            _ => ApiResponse.Json(202, IngestJson.Outcome(result)),
        };
    }
}
