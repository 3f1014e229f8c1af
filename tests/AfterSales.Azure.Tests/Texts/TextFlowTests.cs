using AfterSales.Azure.Email;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Texts;

/// <summary>Ticket events → sweep → outbox → queue → dispatch → Twilio (a local server), over Azurite, on a fake clock.</summary>
public sealed class TextFlowTests : StorageTest, IAsyncLifetime, IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string Number = "+8613800138000";
    private const string Created = """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued"}""";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTwilio twilio = new();
    private readonly FakeSendGrid sendGrid = new();
    private readonly HttpClient http = new();
    private readonly TextSettings settings = TextTestSettings.Defaults();
    private TextTables texts = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        texts = TextTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await texts.CreateIfNotExistsAsync(None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await texts.DeleteAllAsync(None);
        await DisposeAsync();
    }

    public void Dispose()
    {
        http.Dispose();
        twilio.Dispose();
        sendGrid.Dispose();
    }

    private sealed record Flow(ServiceUnderTest Service, NotificationDispatch Dispatch, OutboxDrain Drain, RatingFollowUps Ratings);

    private Flow Start(string at)
    {
        var core = TestSettings.Defaults();
        var service = new ServiceUnderTest(Tables, at, core, new CustomerTextPlanner(core, settings), texts.Surveys);
        var email = core.Email with { RetryDelay = Duration.FromMilliseconds(10) };
        var emailSender = new SendGridEmailSender(http, email, service.Clock, sendGrid.Host);
        var sms = TwilioSmsSender.Create(new TwilioSettings(
            AccountSid, "auth-token", "+14155550100", null, null, twilio.BaseUri, TimeSpan.FromSeconds(2), 1, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1)));
        var textDispatch = new TextDispatch(Tables.Outbox, texts.OptOuts, texts.SentTexts, texts.Surveys, sms, emailSender, settings, service.Clock, Tables.Tickets);
        var dispatch = new NotificationDispatch(
            Tables.Tickets, Tables.Outbox, new EscalationEmailRenderer(core, service.Engine), emailSender, email, service.Clock, textDispatch);
        var ratings = new RatingFollowUps(Tables.Tickets, Tables.Outbox, service.Queue, core, settings, service.Clock);
        return new Flow(service, dispatch, new OutboxDrain(Tables.Outbox, dispatch), ratings);
    }

    private static async Task<List<DispatchOutcome>> DispatchQueuedAsync(Flow flow, Func<NotificationMessage, bool>? which = null)
    {
        var outcomes = new List<DispatchOutcome>();
        while (flow.Service.Queue.TryDequeue(out var message))
        {
            if (which is null || which(message!)) outcomes.Add(await flow.Dispatch.DispatchAsync(message!, None));
        }
        return outcomes;
    }

    private static bool IsText(NotificationMessage message) => message.Channel == NotificationChannel.Sms;

    private async Task<List<OutboxRecord>> RowsAsync(string status)
    {
        var rows = new List<OutboxRecord>();
        await foreach (var row in Tables.Outbox.ListByStatusAsync(status, None)) rows.Add(row);
        return rows;
    }

    private async Task<OutboxRecord> RowAsync(string ticketId, string key) => (await Tables.Outbox.GetAsync(ticketId, key, None))!;

    [Fact]
    public async Task An_opened_ticket_gets_one_acknowledgement_with_exactly_the_twilio_form_fields_despite_duplicate_messages_and_two_drains()
    {
        var flow = Start("2026-10-12 10:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-7").Opened("2026-10-12 10:00"));
        twilio.Then(201, Created);

        await flow.Service.SweepAtAsync("2026-10-12 10:00");
        var message = Assert.Single(Drain(flow.Service.Queue), IsText);
        Assert.Equal(("T-7/text/ack/1", "acknowledgement", "Customer"), (message.StepKey, message.Level, message.Role));
        await flow.Service.SweepAtAsync("2026-10-12 10:01");
        Assert.DoesNotContain(Drain(flow.Service.Queue), IsText);

        var first = flow.Dispatch.DispatchAsync(message, None);
        var duplicate = flow.Dispatch.DispatchAsync(message, None);
        var drain = flow.Drain.DrainAsync(None);
        await Task.WhenAll(first, duplicate, drain);
        await flow.Drain.DrainAsync(None);

        var request = Assert.Single(twilio.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Path);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["To"] = Number,
                ["From"] = "+14155550100",
                ["Body"] = "张伟您好，您的服务请求已受理，工单号T-7。我们将在10月12日 10:30前与您联系。",
            },
            request.Form);
        var row = await RowAsync("T-7", "T-7/text/ack/1");
        Assert.Equal((OutboxStatus.Sent, "SM0123456789abcdef0123456789abcdef", 1), (row.Status, row.ProviderMessageId, row.Attempts));
        Assert.Equal("+86*********00", row.Step.Recipient);
        var sent = Assert.Single(await texts.SentTexts.ListSinceAsync(Number, At("2026-01-01 00:00"), None));
        Assert.Equal(("T-7/text/ack/1", TextKind.Acknowledgement, true), (sent.Key, sent.Kind, sent.IsBudgetExempt));
        var sends = new[] { await first, await duplicate }.Count(o => o == DispatchOutcome.Sent) + (await drain).GetValueOrDefault(DispatchOutcome.Sent);
        Assert.Equal(1, sends);
    }

    [Fact]
    public async Task A_ticket_opened_at_night_is_acknowledged_at_eight_the_next_morning_through_the_sweep()
    {
        var flow = Start("2026-10-12 22:30");
        await flow.Service.IngestAllAsync(new TicketScript("T-8").Opened("2026-10-12 22:30"));
        twilio.Then(201, Created);

        await flow.Service.SweepAtAsync("2026-10-12 22:30");
        Assert.Null(await Tables.Outbox.GetAsync("T-8", "T-8/text/ack/1", None));
        Assert.Contains(At("2026-10-13 08:00"), await DueRowsOfAsync("T-8"));

        await flow.Service.SweepAtAsync("2026-10-13 08:00");
        Assert.Equal([DispatchOutcome.Sent], await DispatchQueuedAsync(flow, IsText));
        var row = await RowAsync("T-8", "T-8/text/ack/1");
        Assert.Equal((OutboxStatus.Sent, At("2026-10-13 08:00")), (row.Status, row.Step.DueAt));
        Assert.Equal(At("2026-10-12 22:30"), row.Text!.DueAt);
    }

    [Fact]
    public async Task A_stop_between_the_sweep_and_the_dispatch_suppresses_the_due_text()
    {
        var flow = Start("2026-10-12 10:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-9").Opened("2026-10-12 10:00"));
        await flow.Service.SweepAtAsync("2026-10-12 10:00");

        await texts.OptOuts.SetAsync(Number, true, At("2026-10-12 10:00:30"), "退订", None);

        Assert.Equal([DispatchOutcome.Suppressed], await DispatchQueuedAsync(flow, IsText));
        Assert.Empty(twilio.Requests);
        var row = await RowAsync("T-9", "T-9/text/ack/1");
        Assert.Equal(OutboxStatus.Suppressed, row.Status);
        Assert.Contains("opted out", row.FailureReason, StringComparison.Ordinal);
        Assert.Equal(DispatchOutcome.AlreadyDone, await flow.Dispatch.DispatchAsync(row, None));
    }

    [Fact]
    public async Task A_text_over_the_budget_is_held_with_its_reason_and_sent_by_the_drain_when_the_budget_allows()
    {
        var flow = Start("2026-10-12 15:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-10").Opened("2026-10-12 09:00"));
        await texts.SentTexts.RecordAsync(Number, new SentText("T-3/text/progress/2026-10-12", TextKind.Progress, At("2026-10-12 11:00"), false), None);
        var progress = Progress("T-10", "2026-10-12 15:00");
        await Tables.Outbox.AddTextsAsync([progress], At("2026-10-12 15:00"), None);
        twilio.Then(201, Created);

        Assert.Equal(DispatchOutcome.Held, await flow.Dispatch.DispatchAsync(NotificationMessage.For(progress, At("2026-10-12 15:00")), None));
        var held = await RowAsync("T-10", progress.Key);
        Assert.Equal((OutboxStatus.Held, At("2026-10-13 08:00")), (held.Status, held.NextChanceAt));
        Assert.StartsWith("held by budget: 1 non-urgent text(s) already went to this customer on 2026-10-12", held.FailureReason, StringComparison.Ordinal);

        flow.Service.SetTime("2026-10-12 23:00");
        Assert.False((await flow.Drain.DrainAsync(None)).ContainsKey(DispatchOutcome.Sent));
        flow.Service.SetTime("2026-10-13 08:00");
        Assert.Equal(1, (await flow.Drain.DrainAsync(None))[DispatchOutcome.Sent]);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("T-10", progress.Key)).Status);
        Assert.Single(twilio.Requests);
    }

    [Fact]
    public async Task Two_texts_to_one_customer_dispatched_at_the_same_instant_with_a_budget_of_one_send_one_and_hold_the_other()
    {
        var flow = Start("2026-10-12 15:00");
        var progress = new[] { Progress("T-20", "2026-10-12 15:00"), Progress("T-21", "2026-10-12 15:00") };
        foreach (var ticket in new[] { "T-20", "T-21" })
            await flow.Service.IngestAllAsync(new TicketScript(ticket).Opened("2026-10-12 09:00"));
        await Tables.Outbox.AddTextsAsync(progress, At("2026-10-12 15:00"), None);
        // Twilio takes its time, as it does: without a reservation both dispatches check the budget during the other's send.
        twilio.Then(201, Created, delay: TimeSpan.FromMilliseconds(500));

        var outcomes = await Task.WhenAll(progress.Select(p =>
            Task.Run(() => flow.Dispatch.DispatchAsync(NotificationMessage.For(p, At("2026-10-12 15:00")), None))));

        Assert.Equal([DispatchOutcome.Sent, DispatchOutcome.Held], outcomes.Order());
        Assert.Single(twilio.Requests);
        var rows = new[] { await RowAsync("T-20", progress[0].Key), await RowAsync("T-21", progress[1].Key) };
        var held = Assert.Single(rows, r => r.Status == OutboxStatus.Held);
        Assert.Equal(At("2026-10-13 08:00"), held.NextChanceAt);
        var sent = Assert.Single(await texts.SentTexts.ListSinceAsync(Number, At("2026-01-01 00:00"), None));
        Assert.Equal((Assert.Single(rows, r => r.Status == OutboxStatus.Sent).Step.Key, false), (sent.Key, sent.IsReservation));
    }

    [Fact]
    public async Task A_text_the_provider_did_not_take_gives_its_budget_place_back_to_the_next_text()
    {
        var flow = Start("2026-10-12 15:00");
        foreach (var ticket in new[] { "T-22", "T-23" })
            await flow.Service.IngestAllAsync(new TicketScript(ticket).Opened("2026-10-12 09:00"));
        var first = Progress("T-22", "2026-10-12 15:00");
        var second = Progress("T-23", "2026-10-12 15:00");
        await Tables.Outbox.AddTextsAsync([first, second], At("2026-10-12 15:00"), None);
        const string Busy = """{"code":20500,"message":"Service unavailable","status":503}""";
        twilio.Then(503, Busy).Then(503, Busy).Then(201, Created);

        Assert.Equal(DispatchOutcome.Held, await flow.Dispatch.DispatchAsync(NotificationMessage.For(first, At("2026-10-12 15:00")), None));
        Assert.Empty(await texts.SentTexts.ListSinceAsync(Number, At("2026-01-01 00:00"), None));
        Assert.Equal(DispatchOutcome.Sent, await flow.Dispatch.DispatchAsync(NotificationMessage.For(second, At("2026-10-12 15:00")), None));
        Assert.Equal(second.Key, Assert.Single(await texts.SentTexts.ListSinceAsync(Number, At("2026-01-01 00:00"), None)).Key);
    }

    [Fact]
    public async Task Texts_that_failed_or_were_given_up_are_in_the_duty_managers_failure_summary_with_masked_numbers_only()
    {
        var flow = Start("2026-10-12 15:00");
        foreach (var ticket in new[] { "T-24", "T-25" })
            await flow.Service.IngestAllAsync(new TicketScript(ticket).Opened("2026-10-12 09:00"));
        var refused = Progress("T-24", "2026-10-12 15:00") with { Email = null };
        var givenUp = Progress("T-25", "2026-10-12 15:00");
        await Tables.Outbox.AddTextsAsync([refused, givenUp], At("2026-10-12 15:00"), None);
        const string Busy = """{"code":20500,"message":"Service unavailable","status":503}""";
        twilio.Then(400, """{"code":21612,"message":"The 'To' phone number: +8613800138000, is not currently reachable","status":400}""").Then(503, Busy);

        Assert.Equal(DispatchOutcome.Failed, await flow.Dispatch.DispatchAsync(NotificationMessage.For(refused, At("2026-10-12 15:00")), None));
        Assert.Equal(DispatchOutcome.Held, await flow.Dispatch.DispatchAsync(NotificationMessage.For(givenUp, At("2026-10-12 15:00")), None));
        flow.Service.SetTime("2026-10-13 14:00");
        Assert.False((await flow.Drain.DrainAsync(None)).ContainsKey(DispatchOutcome.Failed));
        flow.Service.SetTime("2026-10-13 15:00");
        Assert.Equal(1, (await flow.Drain.DrainAsync(None))[DispatchOutcome.Failed]);
        Assert.StartsWith("gave up after 1 d of the SMS provider not taking it (Texts__GiveUpAfter): HTTP 503", (await RowAsync("T-25", givenUp.Key)).FailureReason, StringComparison.Ordinal);

        var summary = new FailureSummary(Tables.Outbox, Tables.FailureSummaryLog,
            new SendGridEmailSender(http, flow.Service.Settings.Email, flow.Service.Clock, sendGrid.Host), flow.Service.Settings, flow.Service.Clock);
        Assert.Equal(2, await summary.SendIfDueAsync(None));
        Assert.Equal(0, await summary.SendIfDueAsync(None));

        var mail = Assert.Single(sendGrid.Delivered);
        Assert.Equal(("duty@example.com", "[AfterSales] 2 条客户短信发送失败"), (mail.To, mail.Subject));
        var body = mail.Content("text/plain");
        Assert.Contains("#T-24 progress → +86*********00: HTTP 400: error 21612: The 'To' phone number: +86*********00, is not currently reachable; no customer email to fall back to", body, StringComparison.Ordinal);
        Assert.Contains("#T-25 progress → +86*********00: gave up after 1 d", body, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", body + mail.Content("text/html"), StringComparison.Ordinal);
        Assert.All(await RowsAsync(OutboxStatus.Failed), r => Assert.True(r.FailureReported));
    }

    [Fact]
    public async Task An_invalid_number_answer_21211_sends_the_text_to_the_customers_email_instead_and_records_both()
    {
        var flow = Start("2026-10-12 10:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-11").Opened("2026-10-12 10:00"));
        twilio.Then(400, """{"code":21211,"message":"The 'To' number is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""");
        sendGrid.Then(FakeSendGrid.Reply.Accepted());

        await flow.Service.SweepAtAsync("2026-10-12 10:00");
        Assert.Equal([DispatchOutcome.SentByEmail], await DispatchQueuedAsync(flow, IsText));

        var email = Assert.Single(sendGrid.Delivered);
        Assert.Equal(("zhang.wei@example.cn", "关于您的服务工单 T-11", "T-11/text/ack/1"), (email.To, email.Subject, email.CustomArg("stepKey")));
        Assert.Contains("工单号T-11", email.Content("text/plain"), StringComparison.Ordinal);
        var row = await RowAsync("T-11", "T-11/text/ack/1");
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.StartsWith("email:", row.ProviderMessageId, StringComparison.Ordinal);
        Assert.Contains("error 21211", row.FailureReason, StringComparison.Ordinal);
        Assert.Empty(await texts.SentTexts.ListSinceAsync(Number, At("2026-01-01 00:00"), None));
    }

    [Fact]
    public async Task A_carrier_rejection_without_a_customer_email_fails_with_the_providers_error()
    {
        var flow = Start("2026-10-12 15:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-12").Opened("2026-10-12 09:00"));
        var progress = Progress("T-12", "2026-10-12 15:00") with { Email = null };
        await Tables.Outbox.AddTextsAsync([progress], At("2026-10-12 15:00"), None);
        twilio.Then(400, """{"code":21614,"message":"'To' number is not a valid mobile number","more_info":"https://www.twilio.com/docs/errors/21614","status":400}""");

        Assert.Equal(DispatchOutcome.Failed, await flow.Dispatch.DispatchAsync(NotificationMessage.For(progress, At("2026-10-12 15:00")), None));
        var row = await RowAsync("T-12", progress.Key);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal("HTTP 400: error 21614: 'To' number is not a valid mobile number: https://www.twilio.com/docs/errors/21614; no customer email to fall back to", row.FailureReason);
        Assert.Empty(sendGrid.Requests);
    }

    [Fact]
    public async Task A_busy_provider_leaves_the_text_held_for_a_later_try_that_the_drain_makes()
    {
        var flow = Start("2026-10-12 10:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-13").Opened("2026-10-12 10:00"));
        twilio.Then(503, "{}").Then(503, "{}").Then(201, Created);

        await flow.Service.SweepAtAsync("2026-10-12 10:00");
        Assert.Equal([DispatchOutcome.Held], await DispatchQueuedAsync(flow, IsText));
        var held = await RowAsync("T-13", "T-13/text/ack/1");
        Assert.Equal((OutboxStatus.Held, At("2026-10-12 10:05")), (held.Status, held.NextChanceAt));

        flow.Service.SetTime("2026-10-12 10:05");
        Assert.Equal(1, (await flow.Drain.DrainAsync(None))[DispatchOutcome.Sent]);
        var sent = await RowAsync("T-13", "T-13/text/ack/1");
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task A_survey_sent_is_recorded_a_low_rating_alerts_the_manager_by_email_and_a_high_one_is_thanked_by_text_once()
    {
        var flow = Start("2026-10-12 10:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-14").Opened("2026-10-12 10:00").Responded("2026-10-12 10:10").Resolved("2026-10-12 11:00"));
        twilio.Then(201, Created);
        await flow.Service.SweepAtAsync("2026-10-12 13:00");
        Assert.All(await DispatchQueuedAsync(flow, IsText), o => Assert.Equal(DispatchOutcome.Sent, o));
        var survey = await texts.Surveys.FindAsync("T-14", "T-14/text/survey/1", None);
        Assert.Equal((Number, At("2026-10-12 13:00")), (survey!.Phone, survey.SentAt));

        var responses = new SurveyResponses(texts.Surveys, settings);
        var low = await responses.RateByReplyAsync(Number, 2, At("2026-10-12 13:30"), None);
        flow.Service.SetTime("2026-10-12 13:30");
        Assert.Equal("T-14/rating/low-rating/1", await flow.Ratings.ApplyAsync(low!, None));
        await flow.Ratings.ApplyAsync(low!, None);
        sendGrid.Then(FakeSendGrid.Reply.Accepted());
        Assert.Equal([DispatchOutcome.Sent, DispatchOutcome.AlreadyDone], await DispatchQueuedAsync(flow));
        var alert = Assert.Single(sendGrid.Delivered);
        Assert.Equal(("manager@example.com", "[AfterSales] #T-14 客户张伟评分 2/5，请一小时内回访"), (alert.To, alert.Subject));

        flow.Service.SetTime("2026-10-12 13:40");
        var high = new RatingRecorded("T-14/text/survey/1", "T-14", 5, At("2026-10-12 13:40"), RatingFollowUp.ThankCustomer);
        Assert.Equal("T-14/text/rating-thanks/1", await flow.Ratings.ApplyAsync(high, None));
        await flow.Ratings.ApplyAsync(high, None);
        Assert.Equal([DispatchOutcome.Sent, DispatchOutcome.AlreadyDone], await DispatchQueuedAsync(flow));
        Assert.Equal("张伟您好，感谢您的评价！我们会继续努力。工单T-14", twilio.Requests.Last().Form["Body"]);
    }

    [Fact]
    public async Task A_rated_survey_gets_no_reminder()
    {
        var flow = Start("2026-10-12 10:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-15").Opened("2026-10-12 10:00").Responded("2026-10-12 10:10").Resolved("2026-10-12 11:00"));
        twilio.Then(201, Created);
        await flow.Service.SweepAtAsync("2026-10-12 13:00");
        await DispatchQueuedAsync(flow);
        await new SurveyResponses(texts.Surveys, settings).RateByReplyAsync(Number, 4, At("2026-10-13 09:00"), None);

        await flow.Service.SweepAtAsync("2026-10-14 13:00");
        Assert.Null(await Tables.Outbox.GetAsync("T-15", "T-15/text/survey-reminder/1", None));
    }

    [Fact]
    public async Task A_survey_the_budget_holds_back_gets_no_reminder_since_it_never_went_out()
    {
        // Surveyed ten days ago: the budget holds this survey for good (at most one in 30 days), so nothing is sent that a
        // reminder could be timed from; the reminder produced 48 h on is suppressed, not sent.
        var flow = Start("2026-10-12 10:00");
        await texts.SentTexts.RecordAsync(Number, new SentText("T-3/text/survey/1", TextKind.Survey, At("2026-10-02 13:00"), false), None);
        await flow.Service.IngestAllAsync(new TicketScript("T-17").Opened("2026-10-12 10:00").Responded("2026-10-12 10:10").Resolved("2026-10-12 11:00"));
        twilio.Then(201, Created);
        await flow.Service.SweepAtAsync("2026-10-12 13:00");
        await DispatchQueuedAsync(flow);
        var survey = await RowAsync("T-17", "T-17/text/survey/1");
        Assert.Equal((OutboxStatus.Held, (Instant?)null), (survey.Status, survey.NextChanceAt));
        Assert.Null(await texts.Surveys.FindAsync("T-17", "T-17/text/survey/1", None));

        await flow.Service.SweepAtAsync("2026-10-14 13:00");
        await DispatchQueuedAsync(flow);
        var reminder = await RowAsync("T-17", "T-17/text/survey-reminder/1");
        Assert.Equal((OutboxStatus.Suppressed, "suppressed: the survey this reminds of was never sent"), (reminder.Status, reminder.FailureReason));
        Assert.DoesNotContain(twilio.Requests, r => r.Form["Body"].Contains(settings.SurveyLinkBase, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_progress_text_held_by_the_budget_is_cancelled_when_the_ticket_is_resolved_before_the_budget_allows_it()
    {
        var flow = Start("2026-10-12 15:00");
        var ticket = new TicketScript("T-10").Opened("2026-10-12 09:00").Resolved("2026-10-12 18:00");
        await flow.Service.IngestAsync(ticket[0]);
        await texts.SentTexts.RecordAsync(Number, new SentText("T-3/text/progress/2026-10-12", TextKind.Progress, At("2026-10-12 11:00"), false), None);
        var progress = Progress("T-10", "2026-10-12 15:00");
        await Tables.Outbox.AddTextsAsync([progress], At("2026-10-12 15:00"), None);
        Assert.Equal(DispatchOutcome.Held, await flow.Dispatch.DispatchAsync(NotificationMessage.For(progress, At("2026-10-12 15:00")), None));

        flow.Service.SetTime("2026-10-12 18:00");
        await flow.Service.IngestAsync(ticket[1]);
        flow.Service.SetTime("2026-10-13 08:00");
        var drained = await flow.Drain.DrainAsync(None);

        Assert.Equal(1, drained[DispatchOutcome.Cancelled]);
        var row = await RowAsync("T-10", progress.Key);
        Assert.Equal((OutboxStatus.Cancelled, "cancelled: the ticket was resolved before the progress text went out"), (row.Status, row.FailureReason));
        Assert.Empty(twilio.Requests);
    }

    [Theory]
    [InlineData(false, "cancelled: appointment A-1 was cancelled")]
    [InlineData(true, "cancelled: appointment A-1 was moved; the new booking has reminders of its own")]
    public async Task A_reminder_of_an_appointment_cancelled_or_moved_since_it_was_planned_is_cancelled(bool moved, string reason)
    {
        var flow = Start("2026-10-12 15:00");
        var ticket = new TicketScript("T-11").Opened("2026-10-12 09:00")
            .Add(new AppointmentScheduled("T-11-visit", "T-11", At("2026-10-12 10:00"), "A-1", At("2026-10-14 10:00"), null));
        ticket.Add(moved
            ? new AppointmentScheduled("T-11-moved", "T-11", At("2026-10-12 14:00"), "A-1", At("2026-10-16 10:00"), null)
            : new AppointmentCancelled("T-11-cancel", "T-11", At("2026-10-12 14:00"), "A-1"));
        foreach (var e in ticket.Events) await flow.Service.IngestAsync(e);
        var reminder = Progress("T-11", "2026-10-12 15:00") with
        {
            Key = CustomerTextKeys.AppointmentDayBefore("T-11", "T-11-visit"),
            Kind = TextKind.AppointmentDayBefore,
        };
        await Tables.Outbox.AddTextsAsync([reminder], At("2026-10-12 15:00"), None);

        Assert.Equal(DispatchOutcome.Cancelled, await flow.Dispatch.DispatchAsync(NotificationMessage.For(reminder, At("2026-10-12 15:00")), None));

        var row = await RowAsync("T-11", reminder.Key);
        Assert.Equal((OutboxStatus.Cancelled, reason), (row.Status, row.FailureReason));
        Assert.Empty(twilio.Requests);
    }

    [Fact]
    public async Task A_customer_abroad_is_held_by_the_budget_on_their_own_day_until_their_own_morning()
    {
        // 11:00 and 15:00 in Shanghai are 05:00 and 09:00 in Berlin, the same day there: held until 08:00 Berlin time.
        var flow = Start("2026-10-12 15:00");
        await flow.Service.IngestAllAsync(new TicketScript("T-16").Opened("2026-10-12 09:00"));
        await texts.SentTexts.RecordAsync(Number, new SentText("T-3/text/progress/2026-10-12", TextKind.Progress, At("2026-10-12 11:00"), false), None);
        var progress = Progress("T-16", "2026-10-12 15:00", "Europe/Berlin");
        await Tables.Outbox.AddTextsAsync([progress], At("2026-10-12 15:00"), None);

        Assert.Equal("Europe/Berlin", (await RowAsync("T-16", progress.Key)).Text!.TimeZone);
        Assert.Equal(DispatchOutcome.Held, await flow.Dispatch.DispatchAsync(NotificationMessage.For(progress, At("2026-10-12 15:00")), None));
        var held = await RowAsync("T-16", progress.Key);
        Assert.Equal((OutboxStatus.Held, At("2026-10-13 14:00")), (held.Status, held.NextChanceAt));
        Assert.Empty(twilio.Requests);
    }

    private CustomerText Progress(string ticketId, string at, string? timeZone = null) =>
        new CustomerTextComposer(settings).Compose(
            CustomerTextKeys.Progress(ticketId, At(at).InZone(settings.CustomerTimeZone).Date), ticketId, TextKind.Progress,
            new Customer("C-1", "张伟", Number, "zhang.wei@example.cn", "zh-CN", timeZone), "P3", At(at),
            new Dictionary<string, string> { [TextPlaceholders.TicketNumber] = ticketId })!;

    private static List<NotificationMessage> Drain(InProcessNotificationQueue queue)
    {
        var messages = new List<NotificationMessage>();
        while (queue.TryDequeue(out var message)) messages.Add(message!);
        return messages;
    }
}
