using System.Globalization;
using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace AfterSales.Functions.Http;

/// <summary>
/// The rejected events an admin fixes and replays. GET /api/rejected-events?limit=&amp;after= lists them newest
/// first, a page at a time read from storage (<c>next</c> carries the cursor of the following page), only those still
/// kept (<c>Events__RejectedRetention</c>); POST
/// /api/rejected-events/{id}/replay applies one again through the same ingestion as a new event.
/// </summary>
public sealed class RejectedEventsEndpoint(
    IRejectedEvents rejectedEvents, TicketEventIngestion ingestion, AfterSalesSettings settings, TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <param name="limit">Page size (1–500, default 50), as the query string has it.</param>
    /// <param name="after">The id of the last event of the previous page (its <c>next</c> cursor).</param>
    public async Task<Results<Ok<RejectedEventsPage>, ProblemHttpResult>> ListAsync(string? limit, string? after, CancellationToken cancellationToken)
    {
        var pageSize = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            return FieldProblem.Of(ProblemTypes.InvalidQuery, "Invalid query", 400, "limit",
                $"'{limit}' is not a page size: use a whole number from 1 to {MaxLimit}");
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var page = await rejectedEvents.ListAsync(
            string.IsNullOrEmpty(after) ? null : after, pageSize, now, RejectedEventRetention.KeptSince(now, settings.Events.RejectedRetention), cancellationToken)
            .ConfigureAwait(false);
        if (page is null)
        {
            return FieldProblem.Of(ProblemTypes.InvalidQuery, "Invalid query", 400, "after",
                $"'{after}' is not a cursor of this list: pass the 'next' of the previous page");
        }

        return TypedResults.Ok(new RejectedEventsPage([.. page.Items.Select(RejectedEventAnswer.From)], page.Next));
    }

    /// <summary>200 with the outcome when it applies now (or was applied since), 404 for an unknown id, 422 when it still fails.</summary>
    public async Task<Results<Ok<IngestAnswer>, ProblemHttpResult>> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var result = await ingestion.ReplayAsync(id, cancellationToken).ConfigureAwait(false);
        if (result is null)
            return FieldProblem.Of(ProblemTypes.RejectedEventNotFound, "No such rejected event", 404, "id", $"no rejected event has the id '{id}'");
        if (result.Outcome == IngestOutcome.Rejected)
            return IngestAnswer.Rejection(ProblemTypes.StillRejected, "The event still cannot be applied", 422, result, id);
        return TypedResults.Ok(IngestAnswer.From(result, rejectedEventId: id));
    }
}
