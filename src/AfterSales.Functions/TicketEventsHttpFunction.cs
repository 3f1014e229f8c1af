using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>POST /api/tickets/events: one ticket event, for helpdesks without Service Bus (docs/http.md).</summary>
public sealed class TicketEventsHttpFunction(TicketEventsEndpoint endpoint)
{
    [Function("TicketEventsHttp")]
    public async Task<Results<Accepted<IngestAnswer>, Ok<IngestAnswer>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tickets/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The raw bytes, so that invalid UTF-8 is refused (and kept) rather than read with replacement characters.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return await endpoint.PostAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
    }
}
