using System.Diagnostics;
using System.Text;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Texts;

namespace AfterSales.Azure.Tests.Sms;

public sealed class TwilioSmsSenderTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "auth-token-for-tests";
    private const string To = "+8613800138000";
    private readonly FakeTwilio twilio = new();

    public void Dispose() => twilio.Dispose();

    private TwilioSettings Settings(string? from = "+14155550100", string? service = null, int retries = 3, double timeoutSeconds = 5, Uri? callback = null) =>
        new(AccountSid, AuthToken, from, service, callback, twilio.BaseUri, TimeSpan.FromSeconds(timeoutSeconds), retries,
            TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

    private static Task<SmsSendResult> Send(TwilioSettings settings, string body = "张伟您好，工单T-1已受理。") =>
        TwilioSmsSender.Create(settings).SendAsync(new SmsMessage(To, body), CancellationToken.None);

    private const string Created = """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","to":"+8613800138000"}""";

    [Fact]
    public async Task A_text_is_posted_to_the_account_messages_with_basic_auth_and_exactly_the_form_fields()
    {
        twilio.Then(201, Created);
        var sender = TwilioSmsSender.Create(Settings(callback: new Uri("https://app.example.com/api/sms/status")));

        var result = await sender.SendAsync(new SmsMessage(To, "张伟您好 & 100% {ok}"), CancellationToken.None);

        Assert.Equal(new SmsSendResult(SmsOutcome.Accepted, "SM0123456789abcdef0123456789abcdef", "queued", 201), result);
        var request = Assert.Single(twilio.Requests);
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{AccountSid}/Messages.json"), (request.Method, request.Path));
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Authorization);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["To"] = To,
                ["From"] = "+14155550100",
                ["Body"] = "张伟您好 & 100% {ok}",
                ["StatusCallback"] = "https://app.example.com/api/sms/status",
            },
            request.Form);
    }

    [Fact]
    public async Task A_messaging_service_replaces_the_from_number_and_no_callback_is_sent_unless_set()
    {
        twilio.Then(201, Created);

        await Send(Settings(from: null, service: "MG0123456789abcdef0123456789abcdef"));

        Assert.Equal(["To", "MessagingServiceSid", "Body"], Assert.Single(twilio.Requests).Form.Keys);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_time_twilio_asks_for()
    {
        twilio.Then(429, """{"code":20429,"message":"Too Many Requests"}""", retryAfter: "1").Then(201, Created);
        var clock = Stopwatch.StartNew();

        var result = await Send(Settings());

        Assert.Equal(SmsOutcome.Accepted, result.Outcome);
        var requests = twilio.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].At - requests[0].At}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_same_text_goes_through_once()
    {
        twilio.Then(500).Then(503).Then(201, Created);

        var result = await Send(Settings());

        Assert.Equal(SmsOutcome.Accepted, result.Outcome);
        var requests = twilio.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
    }

    [Fact]
    public async Task Server_errors_past_the_retries_mean_try_later_with_nothing_lost()
    {
        twilio.Then(500, """{"code":20500,"message":"Internal Server Error","more_info":"https://www.twilio.com/docs/errors/20500"}""");

        var result = await Send(Settings(retries: 2));

        Assert.Equal((SmsOutcome.TryLater, 500, "20500", "Internal Server Error"), (result.Outcome, result.HttpStatus, result.ErrorCode, result.ErrorMessage));
        Assert.Equal(3, twilio.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_limit_is_not_waited_for()
    {
        twilio.Then(429, """{"code":20429,"message":"Too Many Requests"}""", retryAfter: "120");

        var result = await Send(Settings());

        Assert.Equal((SmsOutcome.TryLater, (TimeSpan?)TimeSpan.FromSeconds(120)), (result.Outcome, result.RetryAfter));
        Assert.Single(twilio.Requests);
    }

    [Fact]
    public async Task An_invalid_number_is_rejected_for_good_with_twilios_error_and_is_a_fallback_to_email_candidate()
    {
        twilio.Then(400, """{"code": 21211, "message": "The 'To' number +8613800138000 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""");

        var result = await Send(Settings());

        Assert.Equal(SmsOutcome.Rejected, result.Outcome);
        Assert.Equal((400, "21211", "https://www.twilio.com/docs/errors/21211", true), (result.HttpStatus, result.ErrorCode, result.MoreInfo, result.FallbackToEmail));
        Assert.Contains("is not a valid phone number", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(twilio.Requests);
    }

    [Theory]
    [InlineData(400, 21614, SmsProblem.NumberUnreachable)]
    [InlineData(400, 21211, SmsProblem.NumberUnreachable)]
    [InlineData(400, 30006, SmsProblem.NumberUnreachable)]
    [InlineData(400, 21610, SmsProblem.RecipientOptedOut)]
    [InlineData(400, 21408, SmsProblem.NeedsDutyManager)]
    [InlineData(401, 20003, SmsProblem.Other)]
    [InlineData(400, 21602, SmsProblem.Other)]
    public async Task Only_errors_that_say_the_number_cannot_take_texts_fall_back_to_email(int status, int code, SmsProblem problem)
    {
        twilio.Then(status, $$"""{"code":{{code}},"message":"error {{code}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""");

        var result = await Send(Settings());

        Assert.Equal((SmsOutcome.Rejected, code.ToString(System.Globalization.CultureInfo.InvariantCulture), problem), (result.Outcome, result.ErrorCode, result.Problem));
        Assert.Equal(problem == SmsProblem.NumberUnreachable, result.FallbackToEmail);
    }

    [Theory]
    [InlineData("https://aftersales.example.com/api/sms/status", "https://aftersales.example.com/api/sms/status?ticket=T%2F1&step=T%2F1%2Ftext%2Fack%2F1")]
    [InlineData("https://aftersales.example.com/api/sms/status?v=2", "https://aftersales.example.com/api/sms/status?v=2&ticket=T%2F1&step=T%2F1%2Ftext%2Fack%2F1")]
    public void The_status_callback_names_the_texts_ticket_and_step_in_its_query_escaped(string callback, string expected)
    {
        Assert.Equal(expected, TwilioStatusCallbackUrl.For(new Uri(callback), new TextReference("T/1", "T/1/text/ack/1")));
        Assert.Equal(callback, TwilioStatusCallbackUrl.For(new Uri(callback), null));
    }

    [Fact]
    public async Task A_request_that_times_out_is_not_sent_again_and_its_outcome_is_unknown()
    {
        twilio.Then(201, Created, delay: TimeSpan.FromSeconds(3));

        var result = await Send(Settings(timeoutSeconds: 0.3));

        Assert.Equal(SmsOutcome.Unknown, result.Outcome);
        Assert.Contains("+86*********00", result.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(To, result.ErrorMessage, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Single(twilio.Requests);
    }

    [Fact]
    public async Task Twilio_out_of_reach_means_try_later()
    {
        var settings = Settings() with { ApiBase = new Uri($"http://127.0.0.1:{FakeTwilio.FreePort()}/") };

        var result = await Send(settings);

        Assert.Equal(SmsOutcome.TryLater, result.Outcome);
    }
}
