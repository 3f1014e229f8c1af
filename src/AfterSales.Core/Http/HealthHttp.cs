using System.Reflection;
using System.Text.Json.Nodes;
using NodaTime;

namespace AfterSales.Core.Http;

/// <summary>
/// GET /api/health for probes: answers from memory, without touching storage, so that it is cheap to call every
/// few seconds and a storage hiccup does not make a probe recycle a healthy instance. Settings are valid by the
/// time it answers: the app does not start otherwise.
/// </summary>
public sealed class HealthHttp(TimeProvider time)
{
    private static readonly string Version =
        typeof(HealthHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public ApiResponse Get() => ApiResponse.Json(200, new JsonObject
    {
        ["status"] = "healthy",
        ["version"] = Version,
        ["time"] = JsonTime.Instant(Instant.FromDateTimeOffset(time.GetUtcNow())),
    });
}
