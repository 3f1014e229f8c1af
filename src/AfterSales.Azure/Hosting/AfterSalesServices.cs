using AfterSales.Azure.Email;
using AfterSales.Azure.Messaging;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.ThreeStrikes;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AfterSales.Azure.Hosting;

/// <summary>
/// The one registration of AfterSales for a host (the Functions app, and the tests through the same method): settings
/// validated on start, the Azure clients through Microsoft.Extensions.Azure (managed identity in Azure; connection
/// strings only for local runs), the stores, the handlers, email, texts, revisits and the notification queue.
/// </summary>
public static class AfterSalesServices
{
    public static IServiceCollection AddAfterSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AfterSalesOptions>()
            .Configure(options => options.Load(configuration))
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(p => Options(p).Settings);
        services.AddSingleton(p => Options(p).Texts);
        services.AddSingleton(p => Options(p).Sms);
        services.AddSingleton(p => Options(p).Revisits);
        services.AddSingleton(p => Options(p).Reports);
        services.AddSingleton(p => Options(p).ServiceBus);
        services.AddSingleton(p => Options(p).Retention);
        services.AddSingleton(p => p.GetRequiredService<AfterSalesSettings>().Email);

        AddAzureClients(services);
        AddStores(services);
        AddTickets(services);
        AddEmail(services);
        AddTexts(services);
        AddRevisits(services);
        AddReports(services);

        return services;
    }

    private static AfterSalesOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<AfterSalesOptions>>().Value;

    private static void AddAzureClients(IServiceCollection services)
    {
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
            {
                var storage = Options(provider).Storage;
                return storage.ConnectionString is { } connectionString
                    ? new TableServiceClient(connectionString, options)
                    : new TableServiceClient(storage.TableServiceUri, credential, options);
            });
            clients.AddClient<ServiceBusClient, ServiceBusClientOptions>((options, credential, provider) =>
            {
                var serviceBus = Options(provider).ServiceBus;
                return serviceBus.ConnectionString is { } connectionString
                    ? new ServiceBusClient(connectionString, options)
                    : new ServiceBusClient(serviceBus.FullyQualifiedNamespace, credential, options);
            });
            clients.AddClient<ServiceBusSender, ServiceBusClientOptions>((_, _, provider) =>
                provider.GetRequiredService<ServiceBusClient>().CreateSender(Options(provider).Host.NotificationsQueue));
            // In Azure: the user-assigned managed identity named by AZURE_CLIENT_ID; locally: az login, Visual Studio, ...
            clients.UseCredential(new DefaultAzureCredential());
        });
    }

    private static void AddStores(IServiceCollection services)
    {
        services.AddSingleton(p => AfterSalesTables.Create(p.GetRequiredService<TableServiceClient>(), Options(p).Storage.TablePrefix));
        services.AddSingleton(p => TextTables.Create(
            p.GetRequiredService<TableServiceClient>(), Options(p).Storage.TablePrefix, Options(p).Storage.KeyHashSecret));
        services.AddSingleton(p => RevisitTables.Create(p.GetRequiredService<TableServiceClient>(), Options(p).Storage.TablePrefix));
        services.AddSingleton<TableRetention>();
        services.AddHostedService<TableCreation>();
        services.AddHostedService<TextTableCreation>();
        services.AddHostedService<RevisitTableCreation>();
        services.AddHostedService<CalendarCoverageWarning>();

        services.AddSingleton<ITicketStore>(p => p.GetRequiredService<AfterSalesTables>().Tickets);
        services.AddSingleton<IDueIndex>(p => p.GetRequiredService<AfterSalesTables>().DueIndex);
        services.AddSingleton<IOutbox>(p => p.GetRequiredService<AfterSalesTables>().Outbox);
        services.AddSingleton<IStepStatuses>(p => p.GetRequiredService<AfterSalesTables>().StepStatuses);
        services.AddSingleton<IRejectedEvents>(p => p.GetRequiredService<AfterSalesTables>().RejectedEvents);
        services.AddSingleton<ISweepLease>(p => p.GetRequiredService<AfterSalesTables>().SweepLease);
        services.AddSingleton<IFailureSummaryLog>(p => p.GetRequiredService<AfterSalesTables>().FailureSummaryLog);
        services.AddSingleton<ICustomerTickets>(p => p.GetRequiredService<AfterSalesTables>().CustomerTickets);
        services.AddSingleton<IOptOuts>(p => p.GetRequiredService<TextTables>().OptOuts);
        services.AddSingleton<ISurveys>(p => p.GetRequiredService<TextTables>().Surveys);
        services.AddSingleton<ISentTexts>(p => p.GetRequiredService<TextTables>().SentTexts);
        services.AddSingleton<IRevisitProgrammes>(p => p.GetRequiredService<RevisitTables>().Programmes);
        services.AddSingleton<IRevisitCalls>(p => p.GetRequiredService<RevisitTables>().Calls);
        // Deliveries are stored and enrol their installation in the revisit programme.
        services.AddSingleton<IDeliveries>(p => new RevisitEnrolment(
            p.GetRequiredService<AfterSalesTables>().Deliveries, p.GetRequiredService<IRevisitProgrammes>(),
            p.GetRequiredService<TextSettings>().CustomerTimeZone));
    }

    private static void AddTickets(IServiceCollection services)
    {
        services.AddSingleton(p => new SlaEngine(p.GetRequiredService<AfterSalesSettings>()));
        services.AddSingleton(p =>
        {
            var settings = p.GetRequiredService<AfterSalesSettings>();
            return new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.Window, p.GetRequiredService<TimeProvider>());
        });
        // Ingestion is shared by every invocation: its three-strikes flags go through a queue of their own, flushed per flag.
        services.AddSingleton(p => new ThreeStrikesCheck(
            p.GetRequiredService<ICustomerTickets>(), p.GetRequiredService<IOutbox>(),
            new ServiceBusNotificationQueue(p.GetRequiredService<ServiceBusSender>(), p.GetRequiredService<TimeProvider>()),
            p.GetRequiredService<AfterSalesSettings>(), p.GetRequiredService<TimeProvider>(),
            new ContactKeys(Options(p).Storage.KeyHashSecret).Customer));
        services.AddSingleton<TicketEventIngestion>();
        services.AddScoped<CalendarCoverageNotice>();
        // One notification queue per invocation: it batches the messages its sweep (or rating follow-up) produces.
        services.AddScoped<INotificationQueue, ServiceBusNotificationQueue>();
        services.AddScoped(p => new DueSweep(
            p.GetRequiredService<SlaEngine>(), p.GetRequiredService<ITicketStore>(), p.GetRequiredService<IDueIndex>(),
            p.GetRequiredService<IOutbox>(), p.GetRequiredService<INotificationQueue>(), p.GetRequiredService<ISweepLease>(),
            p.GetRequiredService<TimeProvider>(), p.GetService<CustomerTextPlanner>(), p.GetService<ISurveys>(), p.GetService<ITicketQuarantine>())
        {
            MaxParallelism = p.GetRequiredService<AfterSalesSettings>().Sweep.MaxParallelism,
        });
        services.AddSingleton<ITicketQuarantine>(p => p.GetRequiredService<AfterSalesTables>().Quarantine);
        services.AddSingleton<QuarantineReplay>();
        services.AddSingleton<RejectedEventRetention>();
    }

    private static void AddEmail(IServiceCollection services)
    {
        services.AddHttpClient(nameof(SendGridEmailSender));
        services.AddSingleton<IEmailSender>(EmailSender);
        services.AddSingleton<EscalationEmailRenderer>();
        services.AddSingleton<NotificationDispatch>();
        services.AddSingleton<OutboxDrain>();
        services.AddSingleton<FailureSummary>();
    }

    private static void AddTexts(IServiceCollection services)
    {
        services.AddSingleton<CustomerTextPlanner>();
        // One long-lived client with its own retry handler (on real time: the back-off is a wait on the wire, not the domain clock).
        services.AddSingleton<ISmsSender>(p => TwilioSmsSender.Create(p.GetRequiredService<TwilioSettings>()));
        services.AddSingleton<TextProblemAlerts>();
        services.AddSingleton<TextDispatch>();
        services.AddSingleton<TextDeliveryReports>();
        services.AddSingleton(p => new TwilioWebhookCheck(p.GetRequiredService<TwilioSettings>().AuthToken, p.GetRequiredService<TwilioSettings>().WebhookSharedKey));
        services.AddSingleton<TwilioStatusCallbacks>();
        services.AddSingleton(p => new SurveyResponses(p.GetRequiredService<ISurveys>(), p.GetRequiredService<TextSettings>()));
        services.AddSingleton<InboundTexts>();
        services.AddSingleton<IInboundMessages>(p => p.GetRequiredService<TextTables>().InboundMessages);
        services.AddSingleton<TwilioInbound>();
        services.AddScoped<RatingFollowUps>();
    }

    private static void AddRevisits(IServiceCollection services) => services.AddSingleton<RevisitRun>();

    private static void AddReports(IServiceCollection services)
    {
        services.AddSingleton(p => ReportTables.Create(p.GetRequiredService<TableServiceClient>(), Options(p).Storage.TablePrefix));
        services.AddHostedService<ReportTableCreation>();
        services.AddSingleton<ITallies>(p => p.GetRequiredService<ReportTables>().Tallies);
        services.AddSingleton<IReportLog>(p => p.GetRequiredService<ReportTables>().Log);
        services.AddSingleton<IOpenTickets>(p => p.GetRequiredService<ReportTables>().OpenTickets);
        services.AddSingleton(p => new TicketTallies(p.GetRequiredService<ITallies>(), p.GetRequiredService<ReportSettings>().Zone, p.GetRequiredService<IOpenTickets>()));
        services.AddSingleton(p =>
        {
            var tickets = p.GetRequiredService<ITicketStore>();
            return new OldestOpenTickets(
                p.GetRequiredService<IOpenTickets>(),
                async (id, token) => (await tickets.GetAsync(id, token).ConfigureAwait(false))?.Ticket.History,
                p.GetRequiredService<SlaEngine>());
        });
        services.AddSingleton<StepTallies>();
        services.AddSingleton<WeeklyDigest>();
        services.AddSingleton<MonthlyReport>();
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
