using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Core.Application;

namespace AfterSales.Core.Http;

/// <summary>
/// The rejected events an admin fixes and replays. GET /api/rejected-events?limit=&amp;after= lists them newest
/// first, a page at a time (<c>next</c> carries the cursor of the following page); POST
/// /api/rejected-events/{id}/replay applies one again through the same ingestion as a new event.
/// </summary>
public sealed class RejectedEventsHttp(IRejectedEvents rejectedEvents, TicketEventIngestion ingestion)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <param name="limit">Page size (1–500, default 50), as the query string has it.</param>
    /// <param name="after">The id of the last event of the previous page (its <c>next</c> cursor).</param>
    public async Task<ApiResponse> ListAsync(string? limit, string? after, CancellationToken cancellationToken)
    {
        var pageSize = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            return ApiResponse.Problem(Problem.ForField(ProblemTypes.InvalidQuery, "Invalid query", 400, "limit",
                $"'{limit}' is not a page size: use a whole number from 1 to {MaxLimit}"));
        }

        var items = new JsonArray();
        var cursorFound = string.IsNullOrEmpty(after);
        string? last = null;
        var more = false;
        await foreach (var rejected in rejectedEvents.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!cursorFound)
            {
                cursorFound = rejected.Id == after;
                continue;
            }
            if (items.Count == pageSize)
            {
                more = true;
                break;
            }
            items.Add(RejectedEventJson.Write(rejected));
            last = rejected.Id;
        }

        if (!cursorFound)
        {
            return ApiResponse.Problem(Problem.ForField(ProblemTypes.InvalidQuery, "Invalid query", 400, "after",
                $"'{after}' is not the id of a rejected event: pass the 'next' cursor of the previous page"));
        }

        return ApiResponse.Json(200, new JsonObject { ["items"] = items, ["next"] = more ? last : null });
    }

    /// <summary>200 with the outcome when it applies now (or was applied since), 404 for an unknown id, 422 when it still fails.</summary>
    public async Task<ApiResponse> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var result = await ingestion.ReplayAsync(id, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return ApiResponse.Problem(Problem.ForField(ProblemTypes.RejectedEventNotFound, "No such rejected event", 404, "id",
                $"no rejected event has the id '{id}'"));
        }
        if (result.Outcome == IngestOutcome.Rejected)
        {
            return ApiResponse.Problem(IngestJson.Rejection(
                ProblemTypes.StillRejected, "The event still cannot be applied", 422, result.Rejection!, id));
        }
        var body = IngestJson.Outcome(result);
        body["rejectedEventId"] = id;
        return ApiResponse.Json(200, body);
    }
}
