using System.Text.Json;
using AfterSales.Azure.Hosting;
using AfterSales.Azure.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Infra;

/// <summary>
/// What a local run starts with passes the host's validation. (What `azd up` deploys is checked over the compiled Bicep
/// in tests/AfterSales.Functions.Tests, DeploymentTests.)
/// </summary>
public sealed class DeployedSettingsTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void The_local_settings_template_passes_as_it_is()
    {
        var values = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "AfterSales.Functions", "local.settings.json.template")))
            .RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());

        var options = AfterSalesOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.Equal("UseDevelopmentStorage=true", options.Storage.ConnectionString);
        Assert.Equal(new Uri("http://localhost:7071/api/sms/inbound"), options.Host.SmsInboundUrl);
        Assert.NotNull(options.ServiceBus.ConnectionString);
    }
}
