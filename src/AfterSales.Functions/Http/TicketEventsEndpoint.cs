using AfterSales.Core.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Functions.Http;

/// <summary>
/// POST /api/tickets/events: one ticket event of the contract (docs/events.md) for helpdesks without Service Bus.
/// 202 when applied (or a delivery recorded), 200 when the same eventId was taken before (safe to retry),
/// 400 problem details naming the field when it cannot be applied; that payload is kept as a rejected event.
/// </summary>
public sealed class TicketEventsEndpoint(TicketEventIngestion ingestion)
{
    public async Task<Results<Accepted<IngestAnswer>, Ok<IngestAnswer>, ProblemHttpResult>> PostAsync(string body, CancellationToken cancellationToken)
    {
        var result = await ingestion.IngestAsync(body, EventSources.Http, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            IngestOutcome.Rejected => IngestAnswer.Rejection(ProblemTypes.InvalidEvent, "The ticket event cannot be applied", 400, result, result.RejectedId!),
            IngestOutcome.Duplicate => TypedResults.Ok(IngestAnswer.From(result)),
            _ => TypedResults.Accepted((string?)null, IngestAnswer.From(result)),
        };
    }
}
