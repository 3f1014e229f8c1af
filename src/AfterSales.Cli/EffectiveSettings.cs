using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace AfterSales.Cli;

/// <param name="Key">In app-setting form (<c>Sla__Policies__P1__FirstResponse</c>).</param>
/// <param name="Value">As it may be printed: secrets masked.</param>
/// <param name="Source"><c>default</c>, <c>file</c> or <c>environment</c>: the last layer that set it.</param>
public sealed record EffectiveSetting(string Key, string Value, string Source);

/// <summary>Every AfterSales setting in force, with the layer it came from (<see cref="SettingsSource.Layers"/>).</summary>
public static class EffectiveSettings
{
    public static IReadOnlyList<EffectiveSetting> Of(IConfigurationRoot layers) =>
        layers.AsEnumerable()
            .Where(kv => kv.Value is not null && SettingsSections.Owns(kv.Key))
            .Select(kv => new EffectiveSetting(
                kv.Key.Replace(":", "__", StringComparison.Ordinal), SecretSettings.Printable(kv.Key, kv.Value), SourceOf(layers, kv.Key)))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();

    private static string SourceOf(IConfigurationRoot layers, string key) =>
        layers.Providers.Reverse().First(p => p.TryGet(key, out _)) switch
        {
            EnvironmentVariablesConfigurationProvider => "environment",
            JsonConfigurationProvider => "file",
            _ => "default",
        };
}
