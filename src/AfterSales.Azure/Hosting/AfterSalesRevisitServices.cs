using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Http;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AfterSales.Azure.Hosting;

/// <summary>
/// Registers the revisit programme (enrolment on delivery, the daily run, outcomes) and the customer webhooks (SMS
/// replies, survey link) on top of <see cref="AfterSalesServices.AddAfterSales"/>, which must be called first.
/// </summary>
public static class AfterSalesRevisitServices
{
    public static IServiceCollection AddAfterSalesRevisits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RevisitOptions>()
            .Configure<IOptions<AfterSalesOptions>>((options, core) => options.Load(configuration, core.Value.Settings))
            .ValidateOnStart();
        services.TryAddSingleton(p => p.GetRequiredService<IOptions<RevisitOptions>>().Value.Texts);
        services.TryAddSingleton(p => p.GetRequiredService<IOptions<RevisitOptions>>().Value.Revisits);

        services.AddSingleton(p => RevisitTables.Create(
            p.GetRequiredService<TableServiceClient>(), p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Storage.TablePrefix));
        services.TryAddSingleton(p => TextTables.Create(
            p.GetRequiredService<TableServiceClient>(), p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Storage.TablePrefix));
        services.AddHostedService<RevisitTableCreation>();
        services.AddSingleton<IRevisitProgrammes>(p => p.GetRequiredService<RevisitTables>().Programmes);
        services.AddSingleton<IRevisitCalls>(p => p.GetRequiredService<RevisitTables>().Calls);
        services.TryAddSingleton<IOptOuts>(p => p.GetRequiredService<TextTables>().OptOuts);
        services.TryAddSingleton<ISurveys>(p => p.GetRequiredService<TextTables>().Surveys);

        // Deliveries go on being stored, and now also enrol their installation.
        services.AddSingleton<IDeliveries>(p => new RevisitEnrolment(
            p.GetRequiredService<AfterSalesTables>().Deliveries, p.GetRequiredService<IRevisitProgrammes>(),
            p.GetRequiredService<TextSettings>().CustomerTimeZone));
        services.AddSingleton<RevisitRun>();
        services.AddSingleton<RevisitOutcomesHttp>();

        services.TryAddSingleton<SurveyResponses>();
        services.TryAddSingleton<InboundTexts>();
        services.AddSingleton(p => new TwilioInbound(
            p.GetRequiredService<IOptions<RevisitOptions>>().Value.SmsAuthToken, p.GetRequiredService<InboundTexts>()));
        return services;
    }
}
