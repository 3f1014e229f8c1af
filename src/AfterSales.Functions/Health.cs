using AfterSales.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>GET /api/health: cheap liveness, no storage call (docs/http.md).</summary>
public sealed class Health(HealthHttp handler)
{
    [Function(nameof(Health))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request) =>
        handler.Get().ToActionResult();
}
