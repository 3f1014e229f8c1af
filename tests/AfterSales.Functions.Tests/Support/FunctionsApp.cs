using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Functions.Tests.Support;

/// <summary>
/// The Functions app's services as Program.cs registers them (<see cref="FunctionsComposition.AddAfterSalesFunctions"/>),
/// over a test's own tables in Azurite, on a fake clock, started as the host starts them: settings validated, then the
/// hosted services. Emails go to a pickup folder; Service Bus, which cannot run here, is a recording sender.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private FunctionsApp(ServiceProvider provider, FakeTimeProvider clock, string pickup, CapturedLogs logs)
    {
        this.provider = provider;
        Clock = clock;
        PickupDirectory = pickup;
        Logs = logs;
    }

    public FakeTimeProvider Clock { get; }

    public string PickupDirectory { get; }

    public CapturedLogs Logs { get; }

    public RecordingServiceBusSender NotificationsQueue => (RecordingServiceBusSender)provider.GetRequiredService<ServiceBusSender>();

    public static async Task<FunctionsApp> StartAsync(string startsAt, params (string Key, string? Value)[] overrides)
    {
        var connectionString = await Azurite.ConnectionStringAsync();
        var prefix = "f" + Guid.NewGuid().ToString("N")[..20];
        var pickup = Path.Combine(Path.GetTempPath(), "aftersales-functions-tests", prefix);
        var logs = new CapturedLogs();
        var provider = Build(Settings(connectionString, prefix, pickup, overrides), startsAt, logs, out var clock);
        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        return new FunctionsApp(provider, clock, pickup, logs);
    }

    /// <summary>The storage tests' host configuration over this test's tables, with emails written to a pickup folder.</summary>
    public static Dictionary<string, string?> Settings(string? connectionString, string prefix, string pickup, (string Key, string? Value)[] overrides) =>
        ComposedService.Settings(connectionString, prefix, [("Email:Mode", "Pickup"), ("Email:PickupDirectory", pickup), .. overrides]);

    /// <summary>The provider without starting it, for start-up tests.</summary>
    public static ServiceProvider Build(Dictionary<string, string?> settings, string startsAt, CapturedLogs logs, out FakeTimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        clock = new FakeTimeProvider(Offset(startsAt));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddAfterSalesFunctions(configuration);
        services.AddSingleton<ServiceBusSender>(new RecordingServiceBusSender());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>One function class created the way the worker creates it: in an invocation scope of its own.</summary>
    public async Task<TResult> InvokeAsync<TFunction, TResult>(Func<TFunction, Task<TResult>> run)
    {
        await using var invocation = provider.CreateAsyncScope();
        var function = ActivatorUtilities.CreateInstance<TFunction>(invocation.ServiceProvider);
        return await run(function);
    }

    public async Task InvokeAsync<TFunction>(Func<TFunction, Task> run)
    {
        await using var invocation = provider.CreateAsyncScope();
        await run(ActivatorUtilities.CreateInstance<TFunction>(invocation.ServiceProvider));
    }

    /// <summary>A real request as the ASP.NET Core integration hands it to a function.</summary>
    public HttpRequest Request(string method, string path, string? body = null, string contentType = "application/json")
    {
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? path : path[..query];
        if (query >= 0) context.Request.QueryString = new QueryString(path[query..]);
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("aftersales.example.com");
        context.Response.Body = new MemoryStream();
        if (body is not null)
        {
            context.Request.ContentType = contentType;
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        }
        return context.Request;
    }

    public void SetTime(string local) => Clock.SetUtcNow(Offset(local));

    public async ValueTask DisposeAsync()
    {
        await provider.GetRequiredService<AfterSalesTables>().DeleteAllAsync(CancellationToken.None);
        await provider.GetRequiredService<TextTables>().DeleteAllAsync(CancellationToken.None);
        await provider.GetRequiredService<RevisitTables>().DeleteAllAsync(CancellationToken.None);
        await provider.DisposeAsync();
        if (Directory.Exists(PickupDirectory)) Directory.Delete(PickupDirectory, recursive: true);
    }
}
