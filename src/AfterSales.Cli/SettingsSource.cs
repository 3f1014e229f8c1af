using AfterSales.Azure.Hosting;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Cli;

/// <summary>The settings a simulation runs with: the core ones, the <c>Texts</c> and the <c>Revisits</c> sections.</summary>
public sealed record SimulationSettings(AfterSalesSettings Core, TextSettings Texts, RevisitSettings Revisits)
{
    /// <summary>The <c>Reports</c> section: when the weekly digests and monthly reports go out in the simulation.</summary>
    public ReportSettings? Reports { get; init; }
}

/// <summary>
/// Settings as the service reads them: built-in defaults, then a JSON file, then environment variables, validated by
/// the host's own <see cref="AfterSalesOptions.Read"/>. A simulation never sends email: it runs in Pickup mode (so no
/// SendGrid key is needed) and writes .eml files only to <c>--out</c>. It never sends texts either, but renders them,
/// so the <c>Texts</c> section (survey signing key and link base included) must be valid; the settings only a
/// deployment needs (storage, the Twilio account, queues, schedules) are checked when set.
/// </summary>
public static class SettingsSource
{
    /// <summary>Defaults, then <paramref name="settingsFile"/>, then environment variables: the layers <see cref="EffectiveSettings"/> names.</summary>
    /// <param name="whatIfFile">A second JSON file layered over <paramref name="settingsFile"/>: the change a <c>--compare</c> run previews.</param>
    /// <param name="last">Values over all of them (a simulation's Pickup mode).</param>
    public static IConfigurationRoot Layers(string? settingsFile, IDictionary<string, string?>? last = null, string? whatIfFile = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(SettingsDefaults.Values);
        if (settingsFile is not null) builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        if (whatIfFile is not null) builder.AddJsonFile(Path.GetFullPath(whatIfFile), optional: false);
        builder.AddEnvironmentVariables();
        if (last is not null) builder.AddInMemoryCollection(last);
        return builder.Build();
    }

    /// <exception cref="SettingsValidationException">Every bad key of every section.</exception>
    public static SimulationSettings Load(string? settingsFile, string? pickupDirectory = null, string? whatIfFile = null)
    {
        var simulation = new Dictionary<string, string?> { ["Email:Mode"] = nameof(EmailMode.Pickup) };
        if (pickupDirectory is not null) simulation["Email:PickupDirectory"] = pickupDirectory;
        var options = AfterSalesOptions.Read(Layers(settingsFile, simulation, whatIfFile), SettingsScope.Simulation);
        return new SimulationSettings(options.Settings, options.Texts, options.Revisits) { Reports = options.Reports };
    }
}
