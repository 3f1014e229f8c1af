using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Cli;

/// <summary>The settings a simulation runs with: the core ones, the <c>Texts</c> and the <c>Revisits</c> sections.</summary>
public sealed record SimulationSettings(AfterSalesSettings Core, TextSettings Texts, RevisitSettings Revisits);

/// <summary>
/// Settings as the service would see them: built-in defaults, then a JSON file, then environment variables. A
/// simulation never sends email: it runs in Pickup mode (so no SendGrid key is needed) and writes .eml files only
/// to <c>--out</c>. It never sends texts either, but renders them, so the <c>Texts</c> section (survey signing key
/// and link base included) must be valid.
/// </summary>
public static class SettingsSource
{
    /// <exception cref="SettingsValidationException">Every bad core key; when those are good, every bad <c>Texts</c> key.</exception>
    /// <param name="whatIfFile">A second JSON file layered over <paramref name="settingsFile"/>: the change a <c>--compare</c> run previews.</param>
    public static SimulationSettings Load(string? settingsFile, string? pickupDirectory = null, string? whatIfFile = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(SettingsDefaults.Values);
        if (settingsFile is not null) builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        if (whatIfFile is not null) builder.AddJsonFile(Path.GetFullPath(whatIfFile), optional: false);
        builder.AddEnvironmentVariables();
        var simulation = new Dictionary<string, string?> { ["Email:Mode"] = nameof(EmailMode.Pickup) };
        if (pickupDirectory is not null) simulation["Email:PickupDirectory"] = pickupDirectory;
        builder.AddInMemoryCollection(simulation);
        var configuration = builder.Build();
        var core = SettingsLoader.Load(configuration);
        return new SimulationSettings(core, TextSettingsLoader.Load(configuration, core), RevisitSettingsLoader.Load(configuration));
    }
}
