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
        // Their settings (Revisits, Texts, Sms, the revisit team's address) are validated with the rest in AfterSalesOptions.
        services.AddSingleton(p => p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Revisits);

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
            p.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Sms.AuthToken, p.GetRequiredService<InboundTexts>()));
        return services;
    }
}
