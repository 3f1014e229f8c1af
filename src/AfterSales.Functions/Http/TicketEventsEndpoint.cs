using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Functions.Http;

/// <summary>
/// POST /api/tickets/events: one ticket event of the contract (docs/events.md) for helpdesks without Service Bus.
/// 202 when applied (or a delivery recorded), 200 when the same eventId was taken before (safe to retry),
/// problem details naming the field when it cannot be applied: 409 for an eventId taken by other content, 413 for a
/// body over <see cref="EventBodies.MaxBytes"/>, 400 for the rest. Every refused payload is kept as a rejected event.
/// </summary>
public sealed class TicketEventsEndpoint(TicketEventIngestion ingestion)
{
    public async Task<Results<Accepted<IngestAnswer>, Ok<IngestAnswer>, ProblemHttpResult>> PostAsync(string body, CancellationToken cancellationToken) =>
        Answer(await ingestion.IngestAsync(body, EventSources.Http, cancellationToken).ConfigureAwait(false));

    /// <summary>The same from the raw body bytes, so that invalid UTF-8 is refused rather than read with replacement characters.</summary>
    public async Task<Results<Accepted<IngestAnswer>, Ok<IngestAnswer>, ProblemHttpResult>> PostAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        Answer(await ingestion.IngestAsync(body, EventSources.Http, cancellationToken).ConfigureAwait(false));

    private static Results<Accepted<IngestAnswer>, Ok<IngestAnswer>, ProblemHttpResult> Answer(IngestResult result) => result.Outcome switch
    {
        IngestOutcome.Rejected => result.Rejection!.Reason switch
        {
            RejectionReason.ConflictingDuplicate => IngestAnswer.Rejection(ProblemTypes.ConflictingEvent, "The eventId was taken by another event", 409, result, result.RejectedId!),
            RejectionReason.TooLarge => IngestAnswer.Rejection(ProblemTypes.EventTooLarge, "The ticket event is too large", 413, result, result.RejectedId!),
            _ => IngestAnswer.Rejection(ProblemTypes.InvalidEvent, "The ticket event cannot be applied", 400, result, result.RejectedId!),
        },
        IngestOutcome.Duplicate => TypedResults.Ok(IngestAnswer.From(result)),
        _ => TypedResults.Accepted((string?)null, IngestAnswer.From(result)),
    };
}
