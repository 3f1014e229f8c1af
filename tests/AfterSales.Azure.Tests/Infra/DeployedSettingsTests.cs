using System.Text.Json;
using AfterSales.Azure.Hosting;
using AfterSales.Azure.Tests.Settings;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Infra;

/// <summary>What <c>azd up</c> and a local run start with passes the host's validation, with what the docs say to add.</summary>
public sealed class DeployedSettingsTests
{
    private static readonly string Root = RepositoryRoot.Find();

    /// <summary>The "What a deployment must set" block of docs/configuration.md.</summary>
    private static IReadOnlyList<KeyValuePair<string, string?>> DocumentedDeploymentKeys()
    {
        var example = DocumentedExamples.In(Path.Combine(Root, "docs", "configuration.md"), "configuration.md")
            .Single(e => e.Values.Any(v => v.Key == "Email:From") && e.Values.Any(v => v.Key == "Sms:AccountSid"));
        return example.Values;
    }

    [Fact]
    public void The_deployed_settings_stop_start_up_naming_at_once_every_key_the_docs_say_a_deployment_must_set()
    {
        var error = Assert.Throws<SettingsValidationException>(() => Read(DeployedSettings.Load()));

        Assert.Equal(
            DocumentedDeploymentKeys().Select(k => k.Key.Replace(":", "__", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            error.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_deployed_settings_with_the_documented_deployment_keys_pass()
    {
        var values = DeployedSettings.Load();
        foreach (var (key, value) in DocumentedDeploymentKeys()) values[key] = value;

        var options = Read(values);

        Assert.NotNull(options.Storage.TableServiceUri);
    }

    [Fact]
    public void The_local_settings_template_passes_as_it_is()
    {
        var values = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "AfterSales.Functions", "local.settings.json.template")))
            .RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => DeployedSettings.ColonForm(p.Name), p => (string?)p.Value.GetString());

        var options = Read(values);

        Assert.Equal("UseDevelopmentStorage=true", options.Storage.ConnectionString);
        Assert.Equal(new Uri("http://localhost:7071/api/sms/inbound"), options.Host.SmsInboundUrl);
    }

    private static AfterSalesOptions Read(Dictionary<string, string?> values) =>
        AfterSalesOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
