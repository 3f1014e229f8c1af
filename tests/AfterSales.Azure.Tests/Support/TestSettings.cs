using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Support;

/// <summary>The shipped defaults plus team addresses, with per-test overrides in configuration-key form.</summary>
internal static class TestSettings
{
    private static readonly Dictionary<string, string?> Teams = new()
    {
        ["Escalation:Teams:Default:Supervisor"] = "supervisor@example.com",
        ["Escalation:Teams:Default:DepartmentHead"] = "head@example.com",
        ["Escalation:Teams:Default:Manager"] = "manager@example.com",
        ["Escalation:Teams:Default:SeniorManager"] = "senior@example.com",
        ["Escalation:Teams:Default:DutyManager"] = "duty@example.com",
        ["Escalation:Teams:metro:Supervisor"] = "metro.supervisor@example.com",
    };

    public static AfterSalesSettings Defaults() => With();

    public static AfterSalesSettings With(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Teams);
        foreach (var (key, value) in overrides) values[key] = value;
        return SettingsLoader.LoadWithDefaults(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
