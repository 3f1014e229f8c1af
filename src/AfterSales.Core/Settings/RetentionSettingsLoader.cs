using Microsoft.Extensions.Configuration;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads and validates the <c>Retention</c> section; defaults are in <see cref="SettingsDefaults.Values"/>.</summary>
public static class RetentionSettingsLoader
{
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static RetentionSettings Load(IConfiguration configuration)
    {
        var errors = new SettingsErrors();
        var group = new SettingsGroup(configuration.GetSection("Retention"), errors, "MessageBodies", "ProcessedMessages");
        var bodies = AtLeastADay(group, "MessageBodies");
        var processed = AtLeastADay(group, "ProcessedMessages");
        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        return new RetentionSettings(bodies!.Value, processed!.Value);
    }

    public static RetentionSettings LoadWithDefaults(IConfiguration overrides) => Load(SettingsLoader.WithDefaults(overrides));

    private static Duration? AtLeastADay(SettingsGroup group, string name)
    {
        var value = group.Value<Duration>(name, DurationSetting.TryParse, required: true);
        if (value is { } v && v < RetentionSettings.Minimum)
        {
            group.Error(name, $"'{DurationText.Format(v)}' is shorter than a day: use P1D or more (such as P90D)");
            return null;
        }

        return value;
    }
}
