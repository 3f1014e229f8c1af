using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>GET /api/quarantined-tickets and POST /api/quarantined-tickets/{ticketId}/replay (docs/http.md).</summary>
public sealed class QuarantinedTickets(QuarantinedTicketsEndpoint endpoint)
{
    [Function("ListQuarantinedTickets")]
    public Task<Ok<QuarantinedTicketsList>> List(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "quarantined-tickets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.ListAsync(cancellationToken);

    [Function("ReplayQuarantinedTicket")]
    public Task<Results<Ok<QuarantineReplayAnswer>, ProblemHttpResult>> Replay(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "quarantined-tickets/{ticketId}/replay")] HttpRequest request,
        string ticketId,
        CancellationToken cancellationToken) =>
        endpoint.ReplayAsync(ticketId, cancellationToken);
}
