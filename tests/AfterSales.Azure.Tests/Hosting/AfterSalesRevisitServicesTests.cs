using AfterSales.Azure.Hosting;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Hosting;

public sealed class AfterSalesRevisitServicesTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly (string, string?)[] Complete =
    [
        ("Escalation:Teams:Default:RevisitTeam", "revisits@example.com"),
        ("Sms:AccountSid", "AC00000000000000000000000000000000"),
        ("Sms:AuthToken", "twilio-auth-token"),
        ("Sms:From", "+14155550100"),
        ("Texts:SurveySigningKey", TextTestSettings.SigningKey),
        ("Texts:SurveyLinkBase", TextTestSettings.LinkBase),
        ("Storage:KeyHashSecret", TestStorage.KeyHashSecret),
        ("Email:Mode", "Pickup"),
        ("ServiceBusConnection:fullyQualifiedNamespace", "aftersales-test.servicebus.windows.net"),
        ("NotificationsQueue", "notifications"),
    ];

    private ServiceProvider Build(string prefix, params (string Key, string? Value)[] values)
    {
        var all = new Dictionary<string, string?>(TestSettings.Required)
        {
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), prefix),
        };
        foreach (var (key, value) in TestSettings.Host) all[key] = value;
        foreach (var (key, value) in values) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Offset("2026-01-15 10:00")));
        services.AddAfterSales(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Start_up_fails_naming_the_missing_revisit_team_auth_token_survey_key_and_key_hash_secret()
    {
        using var provider = Build(Prefix, ("Escalation:Teams:Default:RevisitTeam", null));

        var error = Assert.Throws<SettingsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Escalation__Teams__Default__RevisitTeam", "Sms__AccountSid", "Sms__AuthToken", "Sms__From", "Storage__KeyHashSecret", "Texts__SurveyLinkBase", "Texts__SurveySigningKey"],
            error.Errors.Select(e => e.Key).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Started_a_delivery_enrols_and_the_run_outcome_and_webhook_handlers_resolve()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..20];
        await using var provider = Build(prefix, Complete);
        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(None);
        try
        {
            var delivered = new ProductDelivered("d-1", At("2026-01-15 09:00"), null,
                new Customer("C-1", "张伟", "+8613800138000", null, "zh-CN"), "SN-1", null);
            var ingested = await provider.GetRequiredService<TicketEventIngestion>().IngestAsync(TicketScript.Payload(delivered), "test", None);

            Assert.Equal(IngestOutcome.DeliveryRecorded, ingested.Outcome);
            var programme = Assert.Single(await provider.GetRequiredService<IRevisitProgrammes>().ActiveAsync(None).ToListAsync());
            Assert.Equal(new LocalDate(2026, 1, 15), programme.DeliveredOn);
            var report = await provider.GetRequiredService<RevisitRun>().RunAsync(At("2026-03-15 09:00"), None);
            Assert.Equal(1, report.Produced);
            Assert.NotNull(provider.GetRequiredService<TwilioInbound>());
        }
        finally
        {
            await provider.GetRequiredService<AfterSalesTables>().DeleteAllAsync(None);
            await provider.GetRequiredService<RevisitTables>().DeleteAllAsync(None);
            await provider.GetRequiredService<TextTables>().DeleteAllAsync(None);
        }
    }
}
