using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>GET /api/tickets/{id}/sla: clocks, deadlines, time left or overdue, pauses, steps (docs/http.md).</summary>
public sealed class TicketSla(TicketSlaEndpoint endpoint)
{
    [Function(nameof(TicketSla))]
    public Task<Results<Ok<SlaStatusAnswer>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "tickets/{id}/sla")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        endpoint.GetAsync(id, cancellationToken);
}
