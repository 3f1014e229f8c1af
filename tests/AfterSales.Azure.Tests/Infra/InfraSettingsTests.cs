using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Infra;

/// <summary>
/// infra/aftersales-settings.json is every default of <see cref="SettingsDefaults"/> as app settings, so an admin sees
/// and changes each one in the function app. It is generated: after changing a default, run
/// <c>AFTERSALES_WRITE_INFRA_SETTINGS=1 dotnet test tests/AfterSales.Azure.Tests --filter InfraSettingsTests</c>.
/// </summary>
public sealed class InfraSettingsTests
{
    private static readonly string FilePath = Path.Combine(RepositoryRoot.Find(), "infra", "aftersales-settings.json");

    [Fact]
    public void The_bicep_app_settings_hold_every_default_with_its_value()
    {
        var expected = Expected();
        if (Environment.GetEnvironmentVariable("AFTERSALES_WRITE_INFRA_SETTINGS") == "1") File.WriteAllText(FilePath, expected);

        Assert.True(File.Exists(FilePath), $"{FilePath} is missing: see this test's summary to generate it.");
        Assert.Equal(expected, File.ReadAllText(FilePath));
    }

    [Fact]
    public void The_app_settings_with_what_a_deployment_must_add_load_as_valid_settings_from_environment_variable_form()
    {
        var values = JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject()
            .Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value!.GetValue<string>()));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).AddInMemoryCollection(TestSettings.Required).Build();

        var settings = SettingsLoader.Load(configuration);

        Assert.Equal(5, settings.Sla.Policies.Count);
    }

    private static string Expected()
    {
        var json = new JsonObject();
        foreach (var (key, value) in SettingsDefaults.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
            json[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
