using System.Reflection;

namespace AfterSales.Functions.Http;

/// <summary>GET /api/health: answered from memory (settings are valid by then: the app does not start otherwise).</summary>
public sealed record HealthAnswer(string Status, string Version, string? Time)
{
    public static readonly string AppVersion =
        typeof(HealthAnswer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
