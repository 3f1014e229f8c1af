using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// GET /api/health for probes: answers from memory, without touching storage, so that it is cheap to call every few
/// seconds and a storage hiccup does not make a probe recycle a healthy instance (docs/http.md).
/// </summary>
public sealed class Health(TimeProvider time)
{
    [Function(nameof(Health))]
    public Ok<HealthAnswer> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request) =>
        TypedResults.Ok(new HealthAnswer("healthy", HealthAnswer.AppVersion, JsonTime.Instant(Instant.FromDateTimeOffset(time.GetUtcNow()))));
}
