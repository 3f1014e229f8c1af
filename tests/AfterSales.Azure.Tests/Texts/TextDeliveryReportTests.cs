using AfterSales.Azure.Email;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Notifications;
using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Texts;

/// <summary>
/// A text sent through Twilio (a local stand-in) with a status callback, then Twilio's signed delivery reports as the
/// <c>SmsStatus</c> function hands them on, over Azurite: each final report applied once, by what its error means.
/// </summary>
public sealed class TextDeliveryReportTests : StorageTest, IAsyncLifetime, IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "status-auth-token";
    private const string MessageSid = "SM0123456789abcdef0123456789abcdef";
    private const string Number = "+8613800138000";
    private const string AckKey = "T-1/text/ack/1";
    private static readonly Uri Callback = new("https://aftersales.example.com/api/sms/status");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTwilio twilio = new();
    private readonly FakeSendGrid sendGrid = new();
    private readonly HttpClient http = new();
    private readonly TextSettings settings = TextTestSettings.Defaults();
    private TextTables texts = null!;
    private ServiceUnderTest service = null!;
    private NotificationDispatch dispatch = null!;
    private TwilioStatusCallbacks callbacks = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        texts = TextTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await texts.CreateIfNotExistsAsync(None);
        var core = TestSettings.Defaults();
        service = new ServiceUnderTest(Tables, "2026-10-12 10:00", core, new CustomerTextPlanner(core, settings), texts.Surveys);
        var email = core.Email with { RetryDelay = Duration.FromMilliseconds(10) };
        var emailSender = new SendGridEmailSender(http, email, service.Clock, sendGrid.Host);
        var sms = TwilioSmsSender.Create(new TwilioSettings(
            AccountSid, AuthToken, "+14155550100", null, Callback, twilio.BaseUri, TimeSpan.FromSeconds(2), 1, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1)));
        var alerts = new TextProblemAlerts(Tables.Tickets, Tables.Outbox, core);
        var textDispatch = new TextDispatch(Tables.Outbox, texts.OptOuts, texts.SentTexts, texts.Surveys, sms, emailSender, settings, service.Clock, Tables.Tickets, alerts);
        dispatch = new NotificationDispatch(Tables.Tickets, Tables.Outbox, new EscalationEmailRenderer(core, service.Engine), emailSender, email, service.Clock, textDispatch);
        callbacks = new TwilioStatusCallbacks(
            new TwilioWebhookCheck(AuthToken, null), new TextDeliveryReports(Tables.Outbox, texts.OptOuts, emailSender, service.Clock, alerts));
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

    /// <summary>Opens T-1, sweeps and sends its acknowledgement; returns the status-callback URL Twilio was given.</summary>
    private async Task<string> SendAcknowledgementAsync()
    {
        await service.IngestAllAsync(new TicketScript("T-1").Opened("2026-10-12 10:00"));
        twilio.Then(201, $$"""{"sid":"{{MessageSid}}","status":"queued"}""");
        await service.SweepAtAsync("2026-10-12 10:00");
        while (service.Queue.TryDequeue(out var message))
        {
            if (message!.Channel == NotificationChannel.Sms) Assert.Equal(DispatchOutcome.Sent, await dispatch.DispatchAsync(message, None));
        }
        return Assert.Single(twilio.Requests).Form["StatusCallback"];
    }

    private static List<KeyValuePair<string, string>> Report(string status, string? errorCode = null, string messageSid = MessageSid)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", AccountSid), new("MessageSid", messageSid), new("SmsSid", messageSid), new("MessageStatus", status),
            new("SmsStatus", status), new("To", Number), new("From", "+14155550100"), new("ApiVersion", "2010-04-01"),
        };
        if (errorCode is not null) form.Add(new("ErrorCode", errorCode));
        return form;
    }

    private Task<(TextDeliveryOutcome? Outcome, InboundRefusal? Refusal)> PostAsync(string url, List<KeyValuePair<string, string>> form) =>
        callbacks.HandleAsync(url, form, TwilioSignature.Compute(AuthToken, url, form), null, At("2026-10-12 10:01"), None);

    private async Task<OutboxRecord> AckRowAsync() => (await Tables.Outbox.GetAsync("T-1", AckKey, None))!;

    [Fact]
    public async Task Each_text_is_sent_with_a_status_callback_naming_its_outbox_row()
    {
        var url = await SendAcknowledgementAsync();

        Assert.Equal("https://aftersales.example.com/api/sms/status?ticket=T-1&step=T-1%2Ftext%2Fack%2F1", url);
    }

    [Fact]
    public async Task A_delivered_report_moves_the_text_to_delivered_once_and_the_steps_before_it_change_nothing()
    {
        var url = await SendAcknowledgementAsync();

        Assert.Equal(TextDeliveryOutcome.NotFinal, (await PostAsync(url, Report("sent"))).Outcome);
        Assert.Equal(OutboxStatus.Sent, (await AckRowAsync()).Status);
        Assert.Equal(TextDeliveryOutcome.Delivered, (await PostAsync(url, Report("delivered"))).Outcome);
        Assert.Equal(TextDeliveryOutcome.AlreadyApplied, (await PostAsync(url, Report("delivered"))).Outcome);

        var row = await AckRowAsync();
        Assert.Equal((OutboxStatus.Delivered, MessageSid), (row.Status, row.ProviderMessageId));
    }

    [Fact]
    public async Task An_unreachable_handset_reported_later_falls_back_to_the_customers_email_once_however_often_twilio_calls()
    {
        var url = await SendAcknowledgementAsync();

        var first = await PostAsync(url, Report("undelivered", "30003"));
        var again = await PostAsync(url, Report("undelivered", "30003"));
        var failedToo = await PostAsync(url, Report("failed", "30003"));

        Assert.Equal(TextDeliveryOutcome.UndeliveredEmailedInstead, first.Outcome);
        Assert.Equal(TextDeliveryOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(TextDeliveryOutcome.AlreadyApplied, failedToo.Outcome);
        var email = Assert.Single(sendGrid.Delivered);
        Assert.Equal("zhang.wei@example.cn", email.To);
        var row = await AckRowAsync();
        Assert.Equal(OutboxStatus.Undelivered, row.Status);
        Assert.Contains("error 30003", row.FailureReason, StringComparison.Ordinal);
        Assert.Contains("sent to the customer's email instead", row.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(Number, row.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30004")]
    [InlineData("21610")]
    public async Task A_text_the_customer_blocked_records_an_opt_out_and_falls_back_to_nothing(string code)
    {
        var url = await SendAcknowledgementAsync();

        var (outcome, _) = await PostAsync(url, Report("undelivered", code));

        Assert.Equal(TextDeliveryOutcome.UndeliveredOptedOut, outcome);
        Assert.True(await texts.OptOuts.IsOptedOutAsync(Number, None));
        Assert.Empty(sendGrid.Delivered);
        Assert.Equal(OutboxStatus.Undelivered, (await AckRowAsync()).Status);
    }

    [Theory]
    [InlineData("30007")]
    [InlineData("21408")]
    public async Task Content_filtered_or_a_country_not_enabled_alerts_the_duty_manager_instead_of_emailing_the_customer(string code)
    {
        var url = await SendAcknowledgementAsync();

        var (outcome, _) = await PostAsync(url, Report("undelivered", code));
        await PostAsync(url, Report("undelivered", code));

        Assert.Equal(TextDeliveryOutcome.UndeliveredDutyManagerAlerted, outcome);
        var alert = Assert.Single(await Tables.Outbox.ListForTicketAsync("T-1", None).Where(r => r.Step.ClockId == TextProblemAlerts.ClockId).ToListAsync());
        Assert.Equal(("DutyManager", "duty@example.com", OutboxStatus.Pending), (alert.Step.Role, alert.Step.Recipient, alert.Status));
        Assert.Equal(DispatchOutcome.Sent, await dispatch.DispatchAsync(alert, None));
        var email = Assert.Single(sendGrid.Delivered);
        Assert.Equal("duty@example.com", email.To);
        Assert.Contains(code, email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(Number, email.Content("text/plain"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_for_another_message_a_forged_signature_or_an_altered_reference_changes_nothing()
    {
        var url = await SendAcknowledgementAsync();
        var otherMessage = await PostAsync(url, Report("delivered", messageSid: "SMffffffffffffffffffffffffffffffff"));
        var form = Report("undelivered", "30003");
        var forged = await callbacks.HandleAsync(url, form, TwilioSignature.Compute("not-the-token", url, form), null, At("2026-10-12 10:01"), None);
        var signed = TwilioSignature.Compute(AuthToken, url, form);
        var altered = await callbacks.HandleAsync(url.Replace("ack", "progress", StringComparison.Ordinal), form, signed, null, At("2026-10-12 10:01"), None);

        Assert.Equal(TextDeliveryOutcome.NoSuchText, otherMessage.Outcome);
        Assert.Equal(403, forged.Refusal!.HttpStatus);
        Assert.Equal(403, altered.Refusal!.HttpStatus);
        Assert.Equal(OutboxStatus.Sent, (await AckRowAsync()).Status);
        Assert.Empty(sendGrid.Delivered);
    }

    [Theory]
    [InlineData("30008", 1)]
    [InlineData("30003", 0)]
    [InlineData("30004", 0)]
    public async Task An_undelivered_text_nothing_could_be_done_about_is_in_the_failure_summary_and_one_handled_is_not(string code, int listed)
    {
        var url = await SendAcknowledgementAsync();
        await PostAsync(url, Report("undelivered", code));
        var core = TestSettings.Defaults();
        var summary = new FailureSummary(Tables.Outbox, Tables.FailureSummaryLog,
            new SendGridEmailSender(http, core.Email, service.Clock, sendGrid.Host), core, service.Clock);

        Assert.Equal(listed, await summary.SendIfDueAsync(None));

        var mails = sendGrid.Delivered.Where(m => m.To == "duty@example.com").ToList();
        Assert.Equal(listed, mails.Count);
        if (listed == 1)
        {
            Assert.Contains("error 30008", mails[0].Content("text/plain"), StringComparison.Ordinal);
            Assert.DoesNotContain(Number, mails[0].Content("text/plain"), StringComparison.Ordinal);
        }
    }
}
