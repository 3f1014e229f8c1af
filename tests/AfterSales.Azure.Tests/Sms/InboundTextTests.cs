using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Sms;

public class InboundTextTests : StorageTest, IAsyncLifetime
{
    private const string AuthToken = "inbound-auth-token";
    private const string WebhookUrl = "https://aftersales.example.com/api/sms/inbound?code=abc";
    private const string Number = "+8613800138000";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TextSettings Settings = TextTestSettings.Defaults();

    private TextTables texts = null!;
    private TwilioInbound inbound = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        texts = TextTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await texts.CreateIfNotExistsAsync(None);
        inbound = new TwilioInbound(new TwilioWebhookCheck(AuthToken, null), new InboundTexts(texts.OptOuts, new SurveyResponses(texts.Surveys, Settings)), texts.InboundMessages);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await texts.DeleteAllAsync(None);
        await DisposeAsync();
    }

    private static List<KeyValuePair<string, string>> Form(string body, string from = Number) =>
    [
        new("MessageSid", "SM" + Guid.NewGuid().ToString("N")),
        new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        new("From", from),
        new("To", "+14155550100"),
        new("Body", body),
    ];

    private Task<(InboundResult? Result, InboundRefusal? Refusal)> Receive(string body, string at, string from = Number)
    {
        var form = Form(body, from);
        return inbound.HandleAsync(WebhookUrl, form, TwilioSignature.Compute(AuthToken, WebhookUrl, form), At(at), None);
    }

    [Fact]
    public async Task A_signed_start_replayed_days_later_does_not_override_a_later_stop()
    {
        var start = Form("START");
        var signature = TwilioSignature.Compute(AuthToken, WebhookUrl, start);
        var (first, _) = await inbound.HandleAsync(WebhookUrl, start, signature, At("2026-10-12 10:00"), None);
        await Receive("STOP", "2026-10-13 10:00");

        var (replayed, refusal) = await inbound.HandleAsync(WebhookUrl, start, signature, At("2026-10-15 10:00"), None);

        Assert.Equal(InboundOutcome.OptedIn, first!.Outcome);
        Assert.Null(refusal);
        Assert.Equal(InboundOutcome.AlreadyProcessed, replayed!.Outcome);
        Assert.True(await texts.OptOuts.IsOptedOutAsync(Number, None));
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData(" stop ")]
    [InlineData("退订")]
    [InlineData("td")]
    public async Task Stop_and_its_synonyms_block_the_number_at_once_and_start_resumes(string stop)
    {
        var (stopped, _) = await Receive(stop, "2026-10-12 10:00");

        Assert.Equal(InboundOutcome.OptedOut, stopped!.Outcome);
        Assert.True(await texts.OptOuts.IsOptedOutAsync(Number, None));

        var (started, _) = await Receive("START", "2026-10-12 11:00");
        Assert.Equal(InboundOutcome.OptedIn, started!.Outcome);
        Assert.False(await texts.OptOuts.IsOptedOutAsync(Number, None));
    }

    [Fact]
    public async Task A_stop_racing_a_due_text_wins_because_the_sender_checks_right_before_sending()
    {
        // The text was due and planned before the STOP; the dispatcher asks the store just before it sends.
        var checks = Enumerable.Range(0, 5).Select(_ => texts.OptOuts.IsOptedOutAsync(Number, None)).ToList();
        var stop = Receive("STOP", "2026-10-12 10:00");
        await Task.WhenAll(checks.Cast<Task>().Append(stop));

        Assert.True(await texts.OptOuts.IsOptedOutAsync(Number, None));
    }

    [Fact]
    public async Task A_stop_delivered_late_does_not_undo_a_newer_start()
    {
        await Receive("START", "2026-10-12 11:00");

        var (late, _) = await Receive("STOP", "2026-10-12 10:00");

        Assert.Equal(InboundOutcome.Superseded, late!.Outcome);
        Assert.False(await texts.OptOuts.IsOptedOutAsync(Number, None));
    }

    [Fact]
    public async Task Concurrent_stops_and_starts_leave_the_latest_word()
    {
        var words = Enumerable.Range(0, 8).Select(i => Receive(i % 2 == 0 ? "STOP" : "START", $"2026-10-12 10:0{i}")).ToList();
        await Task.WhenAll(words);

        Assert.False(await texts.OptOuts.IsOptedOutAsync(Number, None)); // 10:07 was START
        var row = Assert.Single(await RawTable("OptOuts").QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(At("2026-10-12 10:07"), Instant.FromDateTimeOffset(row.GetDateTimeOffset("ChangedAt")!.Value));
    }

    [Fact]
    public async Task Unsigned_or_altered_requests_are_refused_and_record_nothing()
    {
        var form = Form("STOP");
        var signature = TwilioSignature.Compute(AuthToken, WebhookUrl, form);
        var altered = form.Select(p => p.Key == "From" ? new KeyValuePair<string, string>("From", "+8613900139000") : p).ToList();

        var (_, unsigned) = await inbound.HandleAsync(WebhookUrl, form, null, At("2026-10-12 10:00"), None);
        var (_, tampered) = await inbound.HandleAsync(WebhookUrl, altered, signature, At("2026-10-12 10:00"), None);
        var (_, otherUrl) = await inbound.HandleAsync("https://evil.example.com/api/sms/inbound?code=abc", form, signature, At("2026-10-12 10:00"), None);

        Assert.Equal(403, unsigned!.HttpStatus);
        Assert.Equal(403, tampered!.HttpStatus);
        Assert.Equal(403, otherUrl!.HttpStatus);
        Assert.Contains("does not match", tampered.Reason, StringComparison.Ordinal);
        Assert.Empty(await RawTable("OptOuts").QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_digit_rates_the_latest_open_survey_of_that_number_and_says_what_follows()
    {
        await texts.Surveys.RecordSentAsync(new SurveySent("T-1/text/survey/1", "T-1", "C-1", Number, At("2026-10-01 10:00")), None);
        await texts.Surveys.RecordSentAsync(new SurveySent("T-2/text/survey/1", "T-2", "C-1", Number, At("2026-10-10 10:00")), None);

        var (low, _) = await Receive("2", "2026-10-10 12:00");
        var (high, _) = await Receive("５", "2026-10-10 13:00");

        Assert.Equal(new RatingRecorded("T-2/text/survey/1", "T-2", 2, At("2026-10-10 12:00"), RatingFollowUp.AlertManager), low!.Rating);
        Assert.Equal(new RatingRecorded("T-1/text/survey/1", "T-1", 5, At("2026-10-10 13:00"), RatingFollowUp.ThankCustomer), high!.Rating);
        var (none, _) = await Receive("4", "2026-10-10 14:00");
        Assert.Equal(InboundOutcome.RatingWithoutSurvey, none!.Outcome);
    }

    [Fact]
    public async Task A_survey_older_than_the_token_lifetime_is_no_longer_open()
    {
        await texts.Surveys.RecordSentAsync(new SurveySent("T-1/text/survey/1", "T-1", "C-1", Number, At("2026-08-01 10:00")), None);

        var (result, _) = await Receive("5", "2026-10-10 12:00");

        Assert.Equal(InboundOutcome.RatingWithoutSurvey, result!.Outcome);
    }

    [Fact]
    public async Task Other_replies_and_bad_sender_numbers_change_nothing()
    {
        Assert.Equal(InboundOutcome.NotACommand, (await Receive("when is the engineer coming?", "2026-10-12 10:00")).Result!.Outcome);
        Assert.Equal(InboundOutcome.InvalidSender, (await Receive("STOP", "2026-10-12 10:00", from: "12345")).Result!.Outcome);
        Assert.Empty(await RawTable("OptOuts").QueryAsync<TableEntity>().ToListAsync());
    }
}
