using System.Net;
using AfterSales.Azure.Email;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;

namespace AfterSales.Azure.Tests.Email;

/// <summary>Sweep → queue → dispatch → SendGrid (a local server) → outbox row, over Azurite, on a fake clock.</summary>
public sealed class EmailDispatchTests : StorageTest, IDisposable
{
    private readonly FakeSendGrid sendGrid = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        sendGrid.Dispose();
    }

    private (ServiceUnderTest Service, NotificationDispatch Dispatch, OutboxDrain Drain) Start(string at, string locale = "zh-CN")
    {
        var settings = LadderOnly.Settings(("Email:Locale", locale), ("Email:MaxAttempts", "2"), ("Email:RetryDelay", "PT1S"));
        var service = new ServiceUnderTest(Tables, at, settings);
        var email = settings.Email with { RetryDelay = NodaTime.Duration.FromMilliseconds(10) };
        // The retry pauses between requests are real (10 ms): on the test clock they would wait for ever.
        var sender = new SendGridEmailSender(http, email, TimeProvider.System, sendGrid.Host);
        var dispatch = new NotificationDispatch(Tables.Tickets, Tables.Outbox, new EscalationEmailRenderer(settings, service.Engine), sender, email, service.Clock);
        return (service, dispatch, new OutboxDrain(Tables.Outbox, dispatch));
    }

    private static async Task<List<DispatchOutcome>> DispatchQueuedAsync(ServiceUnderTest service, NotificationDispatch dispatch)
    {
        var outcomes = new List<DispatchOutcome>();
        while (service.Queue.TryDequeue(out var message)) outcomes.Add(await dispatch.DispatchAsync(message!, CancellationToken.None));
        return outcomes;
    }

    private async Task<List<OutboxRecord>> RowsAsync(string status)
    {
        var rows = new List<OutboxRecord>();
        await foreach (var row in Tables.Outbox.ListByStatusAsync(status, CancellationToken.None)) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task SendGrid_down_for_an_hour_then_back_every_step_is_sent_exactly_once()
    {
        var (service, dispatch, drain) = Start("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-1").Opened("2026-10-12 09:00", "P1"));
        sendGrid.DownWith = HttpStatusCode.ServiceUnavailable;
        await service.SweepAtAsync("2026-10-12 09:00");
        Assert.Equal([DispatchOutcome.Held], await DispatchQueuedAsync(service, dispatch));

        for (var minute = 5; minute <= 60; minute += 5)
        {
            service.SetTime($"2026-10-12 {9 + minute / 60:D2}:{minute % 60:D2}");
            await drain.DrainAsync(CancellationToken.None);
        }
        Assert.Empty(sendGrid.Delivered);
        var held = Assert.Single(await RowsAsync(OutboxStatus.Held));
        Assert.StartsWith("held: SendGrid unavailable (gave up after 2 requests: 503", held.FailureReason, StringComparison.Ordinal);

        sendGrid.DownWith = null;
        service.SetTime("2026-10-12 10:30");
        await drain.DrainAsync(CancellationToken.None);
        service.SetTime("2026-10-12 11:30");
        await drain.DrainAsync(CancellationToken.None);

        Assert.Equal(["duty@example.com"], sendGrid.Delivered.Select(r => r.To));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await service.OutboxAsync()).Status);
        Assert.Empty(await RowsAsync(OutboxStatus.Failed));
    }

    [Fact]
    public async Task An_outage_longer_than_the_give_up_age_fails_the_step_for_good()
    {
        var (service, dispatch, drain) = Start("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-1").Opened("2026-10-12 09:00", "P1"));
        sendGrid.DownWith = HttpStatusCode.BadGateway;
        await service.SweepAtAsync("2026-10-12 09:00");
        await DispatchQueuedAsync(service, dispatch);

        for (var hour = 1; hour <= 25; hour++)
        {
            service.Clock.SetUtcNow((ShanghaiTime.At("2026-10-12 09:00") + NodaTime.Duration.FromHours(hour)).ToDateTimeOffset());
            await drain.DrainAsync(CancellationToken.None);
        }

        var failed = Assert.Single(await RowsAsync(OutboxStatus.Failed));
        Assert.StartsWith("gave up after 1 d of outage (Email__GiveUpAfter): gave up after 2 requests: 502", failed.FailureReason, StringComparison.Ordinal);
        Assert.Empty(sendGrid.Delivered);
    }

    [Fact]
    public async Task Every_level_of_the_spec_ladder_reaches_its_recipient_with_a_subject_saying_what_was_missed_and_by_how_much()
    {
        var (service, dispatch, _) = Start("2026-10-12 09:00", locale: "en");
        await service.IngestAllAsync(new TicketScript("T-1042").Opened("2026-10-12 09:00", "P1"));

        foreach (var at in new[] { "2026-10-12 09:00", "2026-10-12 09:07:30", "2026-10-12 09:10", "2026-10-12 12:00", "2026-10-12 13:25", "2026-10-13 13:00", "2026-10-19 09:00", "2026-10-27 09:00" })
        {
            await service.SweepAtAsync(at);
            Assert.All(await DispatchQueuedAsync(service, dispatch), o => Assert.Equal(DispatchOutcome.Sent, o));
        }

        Assert.Equal(
            [
                "duty@example.com [P1 · new P1] #T-1042 major incident opened — 张伟 — owner Li Wei",
                "li.wei@example.com [P1 · due in 2 min] #T-1042 first response — 张伟 — owner Li Wei",
                "duty@example.com [P1 · just overdue] #T-1042 first response — 张伟 — owner Li Wei",
                "metro.supervisor@example.com [P1 · just overdue] #T-1042 first response — 张伟 — owner Li Wei",
                "li.wei@example.com [P1 · due in 1 h] #T-1042 resolution — 张伟 — owner Li Wei",
                "head@example.com [P1 · overdue 25 min] #T-1042 resolution — 张伟 — owner Li Wei",
                "duty@example.com [P1 · overdue 25 min] #T-1042 resolution — 张伟 — owner Li Wei",
                "manager@example.com [P1 · overdue 1 d] #T-1042 resolution — 张伟 — owner Li Wei",
                "manager@example.com [P1 · unresolved 7 d] #T-1042 resolution — 张伟 — owner Li Wei",
                "senior@example.com [P1 · unresolved 15 d] #T-1042 resolution — 张伟 — owner Li Wei",
            ],
            sendGrid.Delivered.Select(r => $"{r.To} {r.Subject}"));
        Assert.All(await service.OutboxAsync(), row => Assert.Equal(OutboxStatus.Sent, row.Status));
        Assert.All(sendGrid.Delivered, r => Assert.Equal("T-1042", r.CustomArg("ticketId")));
    }

    [Fact]
    public async Task Duplicate_messages_and_drains_running_at_once_send_each_step_once_and_record_sendgrids_id()
    {
        var (service, dispatch, drain) = Start("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-7").Opened("2026-10-12 09:00", "P1"));
        // First swept at the deadline: opened and the two breaches go; the warning is superseded by the breach.
        await service.SweepAtAsync("2026-10-12 09:10");
        var messages = new List<NotificationMessage>();
        while (service.Queue.TryDequeue(out var message)) messages.Add(message!);
        Assert.Equal(3, messages.Count);

        await Task.WhenAll([
            .. messages.Select(m => dispatch.DispatchAsync(m, CancellationToken.None)),
            .. messages.Select(m => dispatch.DispatchAsync(m, CancellationToken.None)),
            drain.DrainAsync(CancellationToken.None),
            drain.DrainAsync(CancellationToken.None),
        ]);
        Assert.Equal(DispatchOutcome.AlreadyDone, await dispatch.DispatchAsync(messages[0], CancellationToken.None));

        Assert.Equal(messages.Select(m => m.StepKey).Order(StringComparer.Ordinal), sendGrid.Requests.Select(r => r.CustomArg("stepKey")).Order(StringComparer.Ordinal));
        var sent = await RowsAsync(OutboxStatus.Sent);
        Assert.Equal(3, sent.Count);
        Assert.Equal(["msg-1", "msg-2", "msg-3"], sent.Select(r => r.ProviderMessageId!).Order(StringComparer.Ordinal));
        Assert.All(sent, r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task An_attempt_cut_short_by_a_crash_is_never_resent_blindly_but_marked_failed_once_it_expired()
    {
        var (service, dispatch, drain) = Start("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-8").Opened("2026-10-12 09:00", "P1"));
        await service.SweepAtAsync("2026-10-12 09:00");
        Assert.True(service.Queue.TryDequeue(out var message));
        var row = await Tables.Outbox.GetAsync("T-8", message!.StepKey, CancellationToken.None);
        // A dispatcher recorded its attempt, maybe sent, then the process died before it recorded the outcome.
        Assert.NotNull(await Tables.Outbox.TryStartAttemptAsync(row!, NodaTime.Instant.FromDateTimeOffset(service.Clock.GetUtcNow()), CancellationToken.None));

        Assert.Equal(DispatchOutcome.InProgress, await dispatch.DispatchAsync(message, CancellationToken.None));
        service.SetTime("2026-10-12 09:03"); // attempts expire after (30 s + 1 min) × 2 requests + 1 min = 4 min
        Assert.Equal(DispatchOutcome.InProgress, await dispatch.DispatchAsync(message, CancellationToken.None));
        service.SetTime("2026-10-12 09:10");
        var drained = await drain.DrainAsync(CancellationToken.None);

        Assert.Equal(1, drained[DispatchOutcome.UnknownOutcomeResolved]);
        Assert.Empty(sendGrid.Requests);
        var failed = Assert.Single(await RowsAsync(OutboxStatus.Failed));
        Assert.StartsWith("outcome unknown", failed.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_email_fails_with_sendgrids_text_and_the_duty_manager_gets_one_summary_per_hour()
    {
        var (service, dispatch, drain) = Start("2026-10-12 09:00");
        var summary = new FailureSummary(Tables.Outbox, Tables.FailureSummaryLog,
            new SendGridEmailSender(http, service.Settings.Email, service.Clock, sendGrid.Host), service.Settings, service.Clock);
        await service.IngestAllAsync(new TicketScript("T-9").Opened("2026-10-12 09:00", "P1"));
        await service.SweepAtAsync("2026-10-12 09:00");
        sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.BadRequest, """{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email"}]}"""));
        Assert.Equal([DispatchOutcome.Failed], await DispatchQueuedAsync(service, dispatch));

        Assert.Equal(1, await summary.SendIfDueAsync(CancellationToken.None));
        Assert.Equal(0, await summary.SendIfDueAsync(CancellationToken.None));
        service.SetTime("2026-10-12 09:10");
        await service.SweepAtAsync("2026-10-12 09:10");
        sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.Forbidden, """{"errors":[{"message":"access forbidden"}]}"""));
        await drain.DrainAsync(CancellationToken.None);
        Assert.Equal(0, await summary.SendIfDueAsync(CancellationToken.None));
        service.SetTime("2026-10-12 10:00");
        Assert.Equal(1, await summary.SendIfDueAsync(CancellationToken.None));

        var failed = await RowsAsync(OutboxStatus.Failed);
        Assert.Equal(2, failed.Count);
        Assert.Contains(failed, f => f.FailureReason == "400 BadRequest: personalizations.0.to.0.email: Does not contain a valid address.");
        Assert.All(failed, f => Assert.True(f.FailureReported));
        var summaries = sendGrid.Delivered.Where(r => r.Subject.Contains("发送失败", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, s => Assert.Equal("duty@example.com", s.To));
        Assert.Contains("Does not contain a valid address.", summaries[0].Content("text/plain"), StringComparison.Ordinal);
        Assert.Contains("access forbidden", summaries[1].Content("text/plain"), StringComparison.Ordinal);
    }
}
