using System.CommandLine;
using AfterSales.Azure.Hosting;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Cli;

/// <summary>
/// <c>aftersales settings check</c>: validates the settings exactly as the host does at start-up
/// (<see cref="AfterSalesOptions.Read"/>) and prints the effective configuration, or every bad key.
/// </summary>
public static class SettingsCheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var settings = new Option<FileInfo?>("--settings") { Description = "A settings JSON file layered over the defaults, under the environment variables (as the host layers appsettings)." };
        var check = new Command("check", "Validate the app settings as the host does at start-up; print each key, its value (secrets masked) and where it came from, or exit 2 naming every bad key.")
        {
            settings,
        };
        check.SetAction(parse => Run(parse.GetValue(settings), output, error));
        return new Command("settings", "Check the app settings an admin sets.") { check };
    }

    private static int Run(FileInfo? settingsFile, TextWriter output, TextWriter error)
    {
        if (settingsFile is { Exists: false })
        {
            error.WriteLine($"error: settings file not found: {settingsFile.FullName}");
            return 2;
        }

        IConfigurationRoot layers;
        try
        {
            layers = SettingsSource.Layers(settingsFile?.FullName);
            AfterSalesOptions.Read(layers);
        }
        catch (InvalidDataException unreadable)
        {
            error.WriteLine($"error: cannot read {settingsFile?.FullName}: {unreadable.InnerException?.Message ?? unreadable.Message}");
            return 2;
        }
        catch (SettingsValidationException invalid)
        {
            error.WriteLine($"error: invalid settings ({invalid.Errors.Count} bad {(invalid.Errors.Count == 1 ? "key" : "keys")})");
            foreach (var problem in invalid.Errors) error.WriteLine($"  {problem.Key}: {problem.Message}");
            return 2;
        }

        var effective = EffectiveSettings.Of(layers);
        var width = effective.Max(s => s.Key.Length);
        output.WriteLine($"settings are valid: {effective.Count} keys in force (source: default, file or environment; secrets masked)");
        foreach (var setting in effective)
        {
            output.WriteLine($"{setting.Key.PadRight(width)}  {setting.Source,-11}  {setting.Value}");
        }

        return 0;
    }
}
