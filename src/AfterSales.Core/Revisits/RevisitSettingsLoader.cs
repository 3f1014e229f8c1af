using System.Diagnostics.CodeAnalysis;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Revisits;

/// <summary>Reads and validates the <c>Revisits</c> section; defaults are in <see cref="SettingsDefaults.Values"/>.</summary>
public static class RevisitSettingsLoader
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static RevisitSettings Load(IConfiguration configuration)
    {
        var errors = new SettingsErrors();
        var group = new SettingsGroup(configuration.GetSection("Revisits"), errors, "EarlyMonths", "EarlyEvery", "LaterEvery", "HorizonMonths", "SendAt");
        var early = Months(group, "EarlyMonths", allowZero: true);
        var earlyEvery = Months(group, "EarlyEvery");
        var laterEvery = Months(group, "LaterEvery");
        var horizon = Months(group, "HorizonMonths");
        var sendAt = group.Value<LocalTime>("SendAt", TryParseTime, required: true);
        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        return new RevisitSettings(early!.Value, earlyEvery!.Value, laterEvery!.Value, horizon!.Value, sendAt!.Value);
    }

    public static RevisitSettings LoadWithDefaults(IConfiguration overrides) =>
        Load(SettingsLoader.WithDefaults(overrides));

    private static int? Months(SettingsGroup group, string name, bool allowZero = false)
    {
        var value = group.Value<int>(name, IntegerSetting.TryParse, required: true);
        if (value is { } v && (v < (allowZero ? 0 : 1) || v > 1200))
        {
            group.Error(name, $"'{v}' is not a number of months from {(allowZero ? 0 : 1)} to 1200");
            return null;
        }

        return value;
    }

    private static bool TryParseTime(string text, out LocalTime value, [NotNullWhen(false)] out string? error)
    {
        var result = Time.Parse(text);
        value = result.Success ? result.Value : default;
        error = result.Success ? null : $"'{text}' is not a local time (use hh:mm such as 09:00)";
        return result.Success;
    }
}
