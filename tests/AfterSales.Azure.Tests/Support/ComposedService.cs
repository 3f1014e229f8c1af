using AfterSales.Azure.Hosting;
using AfterSales.Core.Application;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// AfterSales as the Functions app composes it (<see cref="AfterSalesServices.AddAfterSales"/>), over a test's tables in
/// Azurite, on a fake clock, started the way a host starts it: settings validated, then the hosted services run.
/// </summary>
internal sealed class ComposedService : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private ComposedService(ServiceProvider provider, FakeTimeProvider clock)
    {
        this.provider = provider;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static async Task<ComposedService> StartAsync(
        string connectionString, string prefix, string startsAt, params (string Key, string? Value)[] overrides)
    {
        var provider = Build(connectionString, prefix, startsAt, overrides, out var clock);
        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        return new ComposedService(provider, clock);
    }

    /// <summary>The provider without starting it, for start-up tests.</summary>
    public static ServiceProvider Build(
        string? connectionString, string prefix, string startsAt, (string Key, string? Value)[] overrides, out FakeTimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(connectionString, prefix, overrides)).Build();

        clock = new FakeTimeProvider(Offset(startsAt));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddAfterSales(configuration);
        services.AddSingleton<ServiceBusSender>(new RecordingServiceBusSender());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A complete host configuration over this test's tables (colon keys), with <paramref name="overrides"/> last.</summary>
    public static Dictionary<string, string?> Settings(string? connectionString, string prefix, (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:KeyHashSecret"] = TestStorage.KeyHashSecret,
            // What a deployment must set for customer texts (no defaults).
            ["Texts:SurveySigningKey"] = TextTestSettings.SigningKey,
            ["Texts:SurveyLinkBase"] = TextTestSettings.LinkBase,
            ["Sms:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Sms:AuthToken"] = "auth-token",
            ["Sms:From"] = "+14155550100",
            ["Sms:ApiBase"] = $"http://127.0.0.1:{FakeTwilio.FreePort()}/",
            ["Sms:MaxRetries"] = "0",
            ["Sms:Timeout"] = "PT2S",
        };
        foreach (var (key, value) in TestSettings.Required) values[key] = value;
        // Includes a Service Bus namespace name: Service Bus cannot run here, and the hosts' sender is a recording one.
        foreach (var (key, value) in TestSettings.Host) values[key] = value;
        foreach (var (key, value) in overrides) values[key] = value;
        return values;
    }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public IServiceProvider Services => provider;

    /// <summary>What the sweeps sent to the notifications queue.</summary>
    public RecordingServiceBusSender NotificationsQueue => (RecordingServiceBusSender)provider.GetRequiredService<ServiceBusSender>();

    /// <summary>A scope, as the Functions host opens one per invocation.</summary>
    public IServiceScope Invocation() => provider.CreateScope();

    /// <summary>One sweep in an invocation scope of its own, as the <c>SlaSweep</c> function runs it.</summary>
    public async Task<SweepReport> SweepAsync()
    {
        using var invocation = Invocation();
        return await invocation.ServiceProvider.GetRequiredService<DueSweep>().SweepAsync(CancellationToken.None);
    }

    public void SetTime(string local) => Clock.SetUtcNow(Offset(local));

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
