using AfterSales.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>POST /api/revisits/{date}/{installationId}/outcome: what the revisit team's call found (docs/http.md).</summary>
public sealed class RevisitOutcome(RevisitOutcomesHttp handler)
{
    [Function(nameof(RevisitOutcome))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "revisits/{date}/{installationId}/outcome")] HttpRequest request,
        string date,
        string installationId,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return (await handler.PostAsync(date, installationId, await reader.ReadToEndAsync(cancellationToken), cancellationToken)).ToActionResult();
    }
}
