using AfterSales.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>GET /api/rejected-events and POST /api/rejected-events/{id}/replay (docs/http.md).</summary>
public sealed class RejectedEvents(RejectedEventsHttp handler)
{
    [Function("ListRejectedEvents")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rejected-events")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await handler.ListAsync(request.Query["limit"], request.Query["after"], cancellationToken)).ToActionResult();

    [Function("ReplayRejectedEvent")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rejected-events/{id}/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        (await handler.ReplayAsync(id, cancellationToken)).ToActionResult();
}
