using AfterSales.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>GET /api/tickets/{id}/sla: clocks, deadlines, time left or overdue, pauses, steps (docs/http.md).</summary>
public sealed class TicketSla(TicketSlaHttp handler)
{
    [Function(nameof(TicketSla))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tickets/{id}/sla")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        (await handler.GetAsync(id, cancellationToken)).ToActionResult();
}
