using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Cli;

/// <summary>Settings as the service would see them: built-in defaults, then a JSON file, then environment variables.</summary>
public static class SettingsSource
{
    public static AfterSalesSettings Load(string? settingsFile)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(SettingsDefaults.Values);
        if (settingsFile is not null) builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        builder.AddEnvironmentVariables();
        return SettingsLoader.Load(builder.Build());
    }
}
