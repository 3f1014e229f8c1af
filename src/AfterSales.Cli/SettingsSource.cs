using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Cli;

/// <summary>
/// Settings as the service would see them: built-in defaults, then a JSON file, then environment variables. A
/// simulation never sends email: it runs in Pickup mode (so no SendGrid key is needed) and writes .eml files only
/// to <c>--out</c>.
/// </summary>
public static class SettingsSource
{
    public static AfterSalesSettings Load(string? settingsFile, string? pickupDirectory = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(SettingsDefaults.Values);
        if (settingsFile is not null) builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        builder.AddEnvironmentVariables();
        var simulation = new Dictionary<string, string?> { ["Email:Mode"] = nameof(EmailMode.Pickup) };
        if (pickupDirectory is not null) simulation["Email:PickupDirectory"] = pickupDirectory;
        builder.AddInMemoryCollection(simulation);
        return SettingsLoader.Load(builder.Build());
    }
}
