using System.Text.Json;
using AfterSales.Azure.Tests.Support;

namespace AfterSales.Azure.Tests.Infra;

/// <summary>host.json (repository root, linked into the Functions project): valid, and the choices README explains.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json"))).RootElement;

    [Fact]
    public void It_is_a_version_2_host_file_with_a_function_timeout()
    {
        Assert.Equal("2.0", Host.GetProperty("version").GetString());
        Assert.Equal(TimeSpan.FromMinutes(10), TimeSpan.Parse(Host.GetProperty("functionTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Service_bus_settings_are_chosen_on_purpose()
    {
        var serviceBus = Host.GetProperty("extensions").GetProperty("serviceBus");

        Assert.Equal(16, serviceBus.GetProperty("maxConcurrentCalls").GetInt32());
        Assert.Equal(0, serviceBus.GetProperty("prefetchCount").GetInt32());
        Assert.True(serviceBus.GetProperty("autoCompleteMessages").GetBoolean());
        Assert.Equal("00:10:00", serviceBus.GetProperty("maxAutoLockRenewalDuration").GetString());
        var retry = serviceBus.GetProperty("clientRetryOptions");
        Assert.Equal("Exponential", retry.GetProperty("mode").GetString());
        Assert.Equal(3, retry.GetProperty("maxRetries").GetInt32());
    }

    [Fact]
    public void Logs_stay_at_information_or_above_and_exceptions_are_never_sampled_away()
    {
        var levels = Host.GetProperty("logging").GetProperty("logLevel").EnumerateObject().ToList();
        Assert.All(levels, level => Assert.True(level.Value.GetString() is not ("Trace" or "Debug"), $"{level.Name} logs at {level.Value}"));
        var sampling = Host.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings");
        Assert.True(sampling.GetProperty("isEnabled").GetBoolean());
        Assert.Contains("Exception", sampling.GetProperty("excludedTypes").GetString()!.Split(';'));
    }
}
