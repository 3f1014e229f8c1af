using AfterSales.Azure.Hosting;
using AfterSales.Functions.Http;
using AfterSales.Functions.Survey;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace AfterSales.Functions;

/// <summary>
/// What Program.cs registers, in one method the tests call too: AfterSales itself (settings validated on start, so a
/// bad one stops the app listing every bad key), the HTTP endpoints, and telemetry through OpenTelemetry, exported to
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
/// </summary>
public static class FunctionsComposition
{
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddAfterSalesFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAfterSales(configuration);
        services.AddSingleton<TicketEventsEndpoint>();
        services.AddSingleton<TicketSlaEndpoint>();
        services.AddSingleton<RejectedEventsEndpoint>();
        services.AddSingleton<RevisitOutcomesEndpoint>();
        services.AddSingleton<QuarantinedTicketsEndpoint>();
        services.AddScoped<SurveyPageEndpoint>();
        // Storage and HTTP client logs carry request URLs, and table keys can hold customer data: warnings only.
        services.AddLogging(logging => logging
            .AddFilter("Azure.Core", LogLevel.Warning)
            .AddFilter("Azure.Messaging.ServiceBus", LogLevel.Warning)
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsConnectionString])) telemetry.UseAzureMonitorExporter();
        return services;
    }
}
