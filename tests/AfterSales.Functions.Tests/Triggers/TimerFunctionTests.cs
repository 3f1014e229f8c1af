using System.Text.Json;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using AfterSales.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions.Tests.Triggers;

/// <summary>The timer functions, invoked as the worker invokes them, over Azurite through the app's own composition.</summary>
public sealed class TimerFunctionTests
{
    private static readonly TimerInfo Tick = new();

    [Fact]
    public async Task SlaSweep_sends_one_message_per_produced_step_with_the_step_key_as_message_id()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:00");
        var payload = new TicketScript("T-1").Opened("2026-10-16 09:00", "P1").Payloads.Single();
        await app.Get<TicketEventIngestion>().IngestAsync(payload, "test", CancellationToken.None);

        await app.InvokeAsync<SlaSweep>(f => f.Run(Tick, CancellationToken.None));

        var messages = app.NotificationsQueue.Messages;
        Assert.Equal(
            [
                "T-1/major-incident/major-incident-department-head/1", "T-1/major-incident/major-incident-duty-manager/1",
                "T-1/major-incident/major-incident-manager/1", "T-1/text/ack/1",
            ],
            messages.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Equal("application/json", m.ContentType));
        var email = messages.Single(m => m.MessageId == "T-1/major-incident/major-incident-duty-manager/1");
        Assert.Equal("email", email.Subject);
        using var body = JsonDocument.Parse(email.Body.ToString());
        Assert.Equal("T-1/major-incident/major-incident-duty-manager/1", body.RootElement.GetProperty("stepKey").GetString());
        Assert.Equal("T-1", body.RootElement.GetProperty("ticketId").GetString());
    }

    [Fact]
    public async Task SlaSweep_run_twice_sends_nothing_twice()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:00");
        await app.Get<TicketEventIngestion>().IngestAsync(new TicketScript("T-2").Opened("2026-10-16 09:00", "P1").Payloads.Single(), "test", CancellationToken.None);

        await app.InvokeAsync<SlaSweep>(f => f.Run(Tick, CancellationToken.None));
        await app.InvokeAsync<SlaSweep>(f => f.Run(Tick, CancellationToken.None));

        Assert.Equal(4, app.NotificationsQueue.Messages.Count); // acknowledgement and the major incident chain of three (p1-opened superseded by it)
    }

    [Fact]
    public async Task OutboxRecovery_sends_a_step_whose_queue_message_was_lost()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:00");
        await app.Get<TicketEventIngestion>().IngestAsync(new TicketScript("T-3").Opened("2026-10-16 09:00", "P1").Payloads.Single(), "test", CancellationToken.None);
        app.NotificationsQueue.FailSends = true;
        await Assert.ThrowsAnyAsync<Exception>(() => app.InvokeAsync<SlaSweep>(f => f.Run(Tick, CancellationToken.None)));

        app.SetTime("2026-10-16 09:05");
        await app.InvokeAsync<OutboxRecovery>(f => f.Run(Tick, CancellationToken.None));

        // The major incident report to each of the chain's three roles: one email to the duty manager (p1-opened superseded).
        var sent = Directory.GetFiles(app.PickupDirectory, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal(1, sent.Count(e => e.Contains("duty@example.com", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OutboxRecovery_deletes_rejected_events_older_than_the_retention_and_keeps_the_rest()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-01 09:00", ("Events:RejectedRetention", "P10D"));
        var ingestion = app.Get<TicketEventIngestion>();
        var old = await ingestion.IngestAsync("{", "test", CancellationToken.None);
        app.SetTime("2026-10-12 09:00");
        var recent = await ingestion.IngestAsync("{", "test", CancellationToken.None);

        await app.InvokeAsync<OutboxRecovery>(f => f.Run(Tick, CancellationToken.None));

        var rejected = app.Get<IRejectedEvents>();
        Assert.Null(await rejected.GetAsync(old.RejectedId!, CancellationToken.None));
        Assert.NotNull(await rejected.GetAsync(recent.RejectedId!, CancellationToken.None));
    }

    [Fact]
    public async Task Revisits_at_send_time_produces_the_check_in_text_and_mails_the_call_list()
    {
        await using var app = await FunctionsApp.StartAsync("2026-01-15 10:00");
        var delivered = new ProductDelivered("d-1", ShanghaiTime.At("2026-01-15 09:00"), null,
            new Customer("C-1", "张伟", "+8613800138000", null, "zh-CN"), "SN-1", null);
        await app.Get<TicketEventIngestion>().IngestAsync(TicketScript.Payload(delivered), "test", CancellationToken.None);

        app.SetTime("2026-02-15 09:00");
        await app.InvokeAsync<Revisits>(f => f.Run(Tick, CancellationToken.None));

        var callList = Assert.Single(Directory.GetFiles(app.PickupDirectory, "*.eml"));
        Assert.Contains("revisits@example.com", File.ReadAllText(callList), StringComparison.Ordinal);
        var statuses = await app.Get<IStepStatuses>().ForTicketAsync("revisit-SN-1", CancellationToken.None);
        Assert.Contains(statuses, s => s.StepKey.Contains("revisit", StringComparison.Ordinal));
    }
}
