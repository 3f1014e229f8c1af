using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>POST /api/revisits/{date}/{installationId}/outcome: what the revisit team's call found (docs/http.md).</summary>
public sealed class RevisitOutcome(RevisitOutcomesEndpoint endpoint)
{
    [Function(nameof(RevisitOutcome))]
    public async Task<Results<Ok<RevisitOutcomeAnswer>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "revisits/{date}/{installationId}/outcome")] HttpRequest request,
        string date,
        string installationId,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await endpoint.PostAsync(date, installationId, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
    }
}
