using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Tests.Settings;

internal static class TestSettings
{
    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.GroupBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(g => KeyValuePair.Create(g.Key, g.Last().Value)))
            .Build();

    /// <summary>
    /// Defaults and what a deployment must add (<see cref="TestSupport.TestSettings.Required"/>), then
    /// <paramref name="overrides"/> (colon keys, as a settings file or environment variables give them).
    /// </summary>
    public static AfterSalesSettings Load(params (string Key, string? Value)[] overrides) =>
        SettingsLoader.LoadWithDefaults(Configuration(
            [.. TestSupport.TestSettings.Required.Select(r => (r.Key, r.Value)), .. overrides]));

    public static SettingsValidationException Rejected(params (string Key, string? Value)[] overrides) =>
        Assert.Throws<SettingsValidationException>(() => Load(overrides));

    public static SettingsError ErrorAt(this SettingsValidationException exception, string key) =>
        Assert.Single(exception.Errors, e => e.Key == key);
}
