using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>GET /api/rejected-events and POST /api/rejected-events/{id}/replay (docs/http.md).</summary>
public sealed class RejectedEvents(RejectedEventsEndpoint endpoint)
{
    [Function("ListRejectedEvents")]
    public Task<Results<Ok<RejectedEventsPage>, ProblemHttpResult>> List(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "rejected-events")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.ListAsync(request.Query["limit"], request.Query["after"], cancellationToken);

    [Function("ReplayRejectedEvent")]
    public Task<Results<Ok<IngestAnswer>, ProblemHttpResult>> Replay(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "rejected-events/{id}/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        endpoint.ReplayAsync(id, cancellationToken);
}
