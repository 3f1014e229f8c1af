using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Azure.Tests.Hosting;

public sealed class AfterSalesServicesTests : StorageTest
{
    [Fact]
    public void Start_up_fails_listing_every_bad_key_of_every_section()
    {
        using var provider = ComposedService.Build(null, "bad prefix!", "2026-10-16 09:00",
            [("Sla:Policies:P1:FirstResponse", "10 minutes"), ("Events:MaxFutureSkew", "600")], out _);

        var error = Assert.Throws<SettingsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Events__MaxFutureSkew", "Sla__Policies__P1__FirstResponse", "Storage__ConnectionString", "Storage__TablePrefix"],
            error.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("Sla__Policies__P1__FirstResponse: '10 minutes' is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_fails_naming_the_text_and_sms_keys_a_deployment_must_set()
    {
        using var provider = ComposedService.Build("UseDevelopmentStorage=true", "AfterSales", "2026-10-16 09:00",
            [("Sms:AccountSid", null), ("Sms:From", "0138"), ("Texts:SurveySigningKey", null), ("Texts:QuietHours", "late")], out _);

        var error = Assert.Throws<SettingsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Sms__AccountSid", "Sms__From", "Texts__QuietHours", "Texts__SurveySigningKey"],
            error.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sweep_works_on_as_many_tickets_at_once_as_the_setting_says()
    {
        using var provider = ComposedService.Build("UseDevelopmentStorage=true", "AfterSales", "2026-10-16 09:00", [("Sweep:MaxParallelism", "5")], out _);
        using var scope = provider.CreateScope();

        Assert.Equal(5, scope.ServiceProvider.GetRequiredService<DueSweep>().MaxParallelism);
    }

    [Fact]
    public async Task Starting_creates_the_tables_and_the_handlers_work_on_them()
    {
        var fresh = "t" + Guid.NewGuid().ToString("N")[..20];
        await using var service = await ComposedService.StartAsync(ConnectionString, fresh, "2026-10-16 09:00");
        try
        {
            var payload = new TicketScript("T-1").Opened("2026-10-16 09:00", "P1").Payloads.Single();
            var ingested = await service.Get<TicketEventIngestion>().IngestAsync(payload, "test", CancellationToken.None);
            using var invocation = service.Invocation();
            var report = await invocation.ServiceProvider.GetRequiredService<DueSweep>().SweepAsync(CancellationToken.None);
            var handedOn = service.NotificationsQueue.Messages.Select(m => m.Body.ToString()).ToList();

            Assert.Equal(IngestOutcome.Applied, ingested.Outcome);
            // The major incident report to each role of the chain (the ladder's p1-opened to the duty manager superseded by it),
            // and the customer's acknowledgement text.
            Assert.Equal(4, report.StepsProduced);
            Assert.Equal(
                [
                    "email T-1/major-incident/major-incident-department-head/1", "email T-1/major-incident/major-incident-duty-manager/1",
                    "email T-1/major-incident/major-incident-manager/1", "sms T-1/text/ack/1",
                ],
                handedOn.Select(NotificationMessageJson.Parse).Select(m => $"{NotificationMessageJson.ChannelName(m.Channel)} {m.StepKey}").Order(StringComparer.Ordinal));
            Assert.Equal(
                [
                    "T-1/major-incident/major-incident-department-head/1", "T-1/major-incident/major-incident-duty-manager/1",
                    "T-1/major-incident/major-incident-manager/1", "T-1/text/ack/1",
                ],
                (await service.Get<IStepStatuses>().ForTicketAsync("T-1", CancellationToken.None)).Select(s => s.StepKey));
        }
        finally
        {
            await service.Get<AfterSalesTables>().DeleteAllAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void With_a_table_service_uri_the_client_uses_that_endpoint_and_a_token_credential()
    {
        using var provider = ComposedService.Build(null, "AfterSales", "2026-10-16 09:00",
            [("Storage:TableServiceUri", "https://aftersalesdemo.table.core.windows.net")], out _);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<TableServiceClient>();

        Assert.Equal(new Uri("https://aftersalesdemo.table.core.windows.net"), client.Uri);
        Assert.Equal("aftersalesdemo", client.AccountName);
        Assert.Equal("AfterSales", provider.GetRequiredService<IOptions<AfterSales.Azure.Hosting.AfterSalesOptions>>().Value.Storage.TablePrefix);
    }
}
