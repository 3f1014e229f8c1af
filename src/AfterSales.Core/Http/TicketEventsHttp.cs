using AfterSales.Core.Application;
using AfterSales.Core.Events;

namespace AfterSales.Core.Http;

/// <summary>
/// POST /api/tickets/events: one ticket event of the contract (docs/events.md) for helpdesks without Service Bus.
/// 202 when applied (or a delivery recorded), 200 when the same eventId was taken before (safe to retry),
/// problem details naming the field when it cannot be applied: 409 for an eventId taken by other content, 413 for a
/// body over <see cref="EventBodies.MaxBytes"/>, 400 for the rest. Every refused payload is kept as a rejected event.
/// </summary>
public sealed class TicketEventsHttp(TicketEventIngestion ingestion)
{
    public async Task<ApiResponse> PostAsync(string body, CancellationToken cancellationToken) =>
        Answer(await ingestion.IngestAsync(body, EventSources.Http, cancellationToken).ConfigureAwait(false));

    /// <summary>The same from the raw body bytes, so that invalid UTF-8 is refused rather than read with replacement characters.</summary>
    public async Task<ApiResponse> PostAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        Answer(await ingestion.IngestAsync(body, EventSources.Http, cancellationToken).ConfigureAwait(false));

    private static ApiResponse Answer(IngestResult result) => result.Outcome switch
    {
        IngestOutcome.Rejected => ApiResponse.Problem(Refusal(result.Rejection!, result.RejectedId!)),
        IngestOutcome.Duplicate => ApiResponse.Json(200, IngestJson.Outcome(result)),
        _ => ApiResponse.Json(202, IngestJson.Outcome(result)),
    };

    private static Problem Refusal(EventRejection rejection, string rejectedId) => rejection.Reason switch
    {
        RejectionReason.ConflictingDuplicate => IngestJson.Rejection(
            ProblemTypes.ConflictingEvent, "The eventId was taken by another event", 409, rejection, rejectedId),
        RejectionReason.TooLarge => IngestJson.Rejection(ProblemTypes.EventTooLarge, "The ticket event is too large", 413, rejection, rejectedId),
        _ => IngestJson.Rejection(ProblemTypes.InvalidEvent, "The ticket event cannot be applied", 400, rejection, rejectedId),
    };
}
