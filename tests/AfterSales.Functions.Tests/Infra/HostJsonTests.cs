using System.Text.Json;

namespace AfterSales.Functions.Tests.Infra;

/// <summary>host.json choices that the code relies on (README explains each).</summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json"))).RootElement;

    [Fact]
    public void A_service_bus_message_lock_is_renewed_for_as_long_as_a_function_may_run()
    {
        var timeout = TimeSpan.Parse(Host.GetProperty("functionTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var renewal = TimeSpan.Parse(Host.GetProperty("extensions").GetProperty("serviceBus").GetProperty("maxAutoLockRenewalDuration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(renewal >= timeout, $"a message still being processed after {renewal} would be delivered again while its function runs until {timeout}");
    }

    [Fact]
    public void The_host_sends_telemetry_through_open_telemetry_as_the_worker_does()
    {
        Assert.Equal("OpenTelemetry", Host.GetProperty("telemetryMode").GetString());
    }
}
