using AfterSales.Azure.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights SDK sends only warnings and above unless this default rule goes; levels then come
// from host.json and the Logging section, which keep AfterSales at Information (never payloads or addresses).
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var insightsDefault = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (insightsDefault is not null) options.Rules.Remove(insightsDefault);
});

// Settings are validated on start (ValidateOnStart): a bad one stops the app listing every bad key.
builder.Services.AddAfterSales(builder.Configuration);
builder.Services.AddAfterSalesRevisits(builder.Configuration);

builder.Build().Run();
