using AfterSales.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>POST /api/tickets/events: one ticket event, for helpdesks without Service Bus (docs/http.md).</summary>
public sealed class TicketEventsHttpFunction(TicketEventsHttp handler)
{
    [Function("TicketEventsHttp")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tickets/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return (await handler.PostAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken)).ToActionResult();
    }
}
