using AfterSales.Azure.Storage;
using AfterSales.Azure.Email;
using AfterSales.Azure.Sms;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Http;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AfterSales.Azure.Hosting;

/// <summary>
/// Registers AfterSales for a host (the Functions app): settings validated on start, the table client through
/// Microsoft.Extensions.Azure (managed identity with <c>Storage__TableServiceUri</c>, a connection string only for
/// local runs), the stores, the handlers and the HTTP handlers. Customer texts: the <c>Texts</c> and <c>Sms</c> sections,
/// their tables, the planner in ingestion and sweep, Twilio behind <see cref="ISmsSender"/>, and the text send step
/// of the dispatcher.
/// </summary>
public static class AfterSalesServices
{
    public static IServiceCollection AddAfterSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AfterSalesOptions>()
            .Configure(options => options.Load(configuration))
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(p => p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Settings);

        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Storage;
                return storage.ConnectionString is { } connectionString
                    ? new TableServiceClient(connectionString, options)
                    : new TableServiceClient(storage.TableServiceUri, credential, options);
            });
            // In Azure: the user-assigned managed identity named by AZURE_CLIENT_ID; locally: az login, Visual Studio, ...
            clients.UseCredential(new DefaultAzureCredential());
        });

        services.AddSingleton(p => AfterSalesTables.Create(
            p.GetRequiredService<TableServiceClient>(), p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Storage.TablePrefix));
        services.AddHostedService<TableCreation>();
        services.AddSingleton<ITicketStore>(p => p.GetRequiredService<AfterSalesTables>().Tickets);
        services.AddSingleton<IDueIndex>(p => p.GetRequiredService<AfterSalesTables>().DueIndex);
        services.AddSingleton<IOutbox>(p => p.GetRequiredService<AfterSalesTables>().Outbox);
        services.AddSingleton<IStepStatuses>(p => p.GetRequiredService<AfterSalesTables>().StepStatuses);
        services.AddSingleton<IRejectedEvents>(p => p.GetRequiredService<AfterSalesTables>().RejectedEvents);
        services.AddSingleton<IDeliveries>(p => p.GetRequiredService<AfterSalesTables>().Deliveries);
        services.AddSingleton<ISweepLease>(p => p.GetRequiredService<AfterSalesTables>().SweepLease);

        services.AddSingleton(p => p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Texts);
        services.AddSingleton(p => p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Sms);
        services.AddSingleton(p => TextTables.Create(
            p.GetRequiredService<TableServiceClient>(), p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Storage.TablePrefix));
        services.AddHostedService<TextTableCreation>();
        services.AddSingleton<IOptOuts>(p => p.GetRequiredService<TextTables>().OptOuts);
        services.AddSingleton<ISurveys>(p => p.GetRequiredService<TextTables>().Surveys);
        services.AddSingleton<ISentTexts>(p => p.GetRequiredService<TextTables>().SentTexts);
        services.AddSingleton<CustomerTextPlanner>();
        // One long-lived client with its own retry handler (on real time: the back-off is a wait on the wire, not the domain clock).
        services.AddSingleton<ISmsSender>(p => TwilioSmsSender.Create(p.GetRequiredService<TwilioSettings>()));
        services.AddSingleton<TextDispatch>();
        services.AddSingleton(p => new SurveyResponses(p.GetRequiredService<ISurveys>(), p.GetRequiredService<TextSettings>()));
        services.AddSingleton<InboundTexts>();
        services.AddScoped<RatingFollowUps>();

        services.AddSingleton(p => new SlaEngine(p.GetRequiredService<AfterSalesSettings>()));
        services.AddSingleton(p =>
        {
            var settings = p.GetRequiredService<AfterSalesSettings>();
            return new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.Window, p.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<TicketEventIngestion>();
        // One sweep per invocation scope, collecting the messages its function hands to the notifications queue.
        services.AddScoped<NotificationBatch>();
        services.AddScoped<INotificationQueue>(p => p.GetRequiredService<NotificationBatch>());
        services.AddScoped<DueSweep>();
        services.AddSingleton<ITicketQuarantine>(p => p.GetRequiredService<AfterSalesTables>().Quarantine);
        services.AddSingleton<QuarantineReplay>();
        services.AddSingleton<QuarantinedTicketsHttp>();

        services.AddSingleton(p => p.GetRequiredService<AfterSalesSettings>().Email);
        services.AddSingleton<IFailureSummaryLog>(p => p.GetRequiredService<AfterSalesTables>().FailureSummaryLog);
        services.AddHttpClient(nameof(SendGridEmailSender));
        services.AddSingleton<IEmailSender>(EmailSender);
        services.AddSingleton<EscalationEmailRenderer>();
        services.AddSingleton<NotificationDispatch>();
        services.AddSingleton<OutboxDrain>();
        services.AddSingleton<FailureSummary>();

        services.AddSingleton<TicketEventsHttp>();
        services.AddSingleton<TicketSlaHttp>();
        services.AddSingleton<RejectedEventsHttp>();
        services.AddSingleton<HealthHttp>();
        return services;
    }

    private static IEmailSender EmailSender(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<EmailSettings>();
        var time = provider.GetRequiredService<TimeProvider>();
        return settings.Mode == EmailMode.Pickup
            ? new PickupEmailSender(settings.PickupDirectory, settings.From, settings.FromName, time)
            : new SendGridEmailSender(provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridEmailSender)), settings, time);
    }
}
