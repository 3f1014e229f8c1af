using System.Diagnostics;
using System.Net;
using AfterSales.Azure.Email;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Azure.Tests.Email;

/// <summary>The real SendGrid SDK against a local server standing in for <c>/v3/mail/send</c>.</summary>
public sealed class SendGridEmailSenderTests : IDisposable
{
    private static readonly EmailMessage Message = new(
        "supervisor@example.com", "[P1 · 已超时 25 分钟] #T-1042 首次响应 — 上海地铁2号线 — 负责人 李伟",
        "<p>HTML body</p>", "Text body", "T-1042", "T-1042/first-response/supervisor/1");

    private readonly FakeSendGrid sendGrid = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        sendGrid.Dispose();
    }

    private SendGridEmailSender Sender(int maxAttempts = 3, double timeoutSeconds = 5, double maxRetryDelaySeconds = 5) =>
        new(http, Settings(maxAttempts, timeoutSeconds, maxRetryDelaySeconds), TimeProvider.System, sendGrid.Host);

    internal static EmailSettings Settings(int maxAttempts = 3, double timeoutSeconds = 5, double maxRetryDelaySeconds = 5) => new(
        EmailMode.SendGrid, "SG.test-key", "aftersales@example.com", "AfterSales", "unused", "zh-CN", "https://helpdesk.example.com/tickets/{ticketId}",
        Duration.FromMilliseconds(timeoutSeconds * 1000), maxAttempts, Duration.FromMilliseconds(50), Duration.FromMilliseconds(maxRetryDelaySeconds * 1000),
        Duration.FromHours(1));

    [Fact]
    public async Task Sends_the_exact_json_with_both_bodies_and_custom_args_and_keeps_sendgrids_message_id()
    {
        var result = await Sender().SendAsync(Message, CancellationToken.None);

        Assert.True(result.Sent);
        Assert.Equal("msg-1", result.ProviderMessageId);
        Assert.Equal(1, result.Requests);
        var request = Assert.Single(sendGrid.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Authorization);
        Assert.Equal(
            """{"from":{"name":"AfterSales","email":"aftersales@example.com"},"personalizations":[{"to":[{"email":"supervisor@example.com"}],"subject":"[P1 · 已超时 25 分钟] #T-1042 首次响应 — 上海地铁2号线 — 负责人 李伟","custom_args":{"ticketId":"T-1042","stepKey":"T-1042/first-response/supervisor/1"}}],"content":[{"type":"text/plain","value":"Text body"},{"type":"text/html","value":"\u003cp\u003eHTML body\u003c/p\u003e"}]}""",
            request.Body);
    }

    [Fact]
    public async Task A_429_waits_as_long_as_retry_after_says_then_sends()
    {
        sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.TooManyRequests, """{"errors":[{"field":null,"message":"too many requests"}]}""", ("Retry-After", "1")));
        var clock = Stopwatch.StartNew();

        var result = await Sender().SendAsync(Message, CancellationToken.None);

        Assert.True(result.Sent);
        Assert.Equal(2, result.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}");
        Assert.Single(sendGrid.Delivered);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_wait_fails_with_the_reason_instead_of_waiting()
    {
        sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.TooManyRequests, "", ("Retry-After", "120")));

        var result = await Sender().SendAsync(Message, CancellationToken.None);

        Assert.False(result.Sent);
        Assert.Equal(1, result.Requests);
        Assert.Contains("429 TooManyRequests", result.Error, StringComparison.Ordinal);
        Assert.Contains("SendGrid asked to wait 120 s, longer than Email__MaxRetryDelay", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_a_lasting_one_fails_after_the_last_request()
    {
        sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.InternalServerError));
        var recovered = await Sender().SendAsync(Message, CancellationToken.None);
        Assert.True(recovered.Sent);
        Assert.Equal(2, recovered.Requests);

        for (var i = 0; i < 3; i++) sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.ServiceUnavailable, "maintenance"));
        var failed = await Sender().SendAsync(Message, CancellationToken.None);

        Assert.False(failed.Sent);
        Assert.Equal(3, failed.Requests);
        Assert.Equal("gave up after 3 requests: 503 ServiceUnavailable: maintenance", failed.Error);
        Assert.Equal(5, sendGrid.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_permanent_and_keeps_sendgrids_error_text()
    {
        sendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.BadRequest,
            """{"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://sendgrid.com/docs"}]}"""));

        var result = await Sender().SendAsync(Message, CancellationToken.None);

        Assert.False(result.Sent);
        Assert.Equal(1, result.Requests);
        Assert.Equal("400 BadRequest: from.email: The from email does not contain a valid address.", result.Error);
        Assert.Single(sendGrid.Requests);
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_the_next_request_sends()
    {
        sendGrid.Then(FakeSendGrid.Reply.Slow(TimeSpan.FromSeconds(3)));

        var result = await Sender(timeoutSeconds: 0.5).SendAsync(Message, CancellationToken.None);

        Assert.True(result.Sent);
        Assert.Equal(2, result.Requests);
    }

    [Fact]
    public async Task Only_slow_answers_fail_naming_the_timeout_setting()
    {
        for (var i = 0; i < 2; i++) sendGrid.Then(FakeSendGrid.Reply.Slow(TimeSpan.FromSeconds(3)));

        var result = await Sender(maxAttempts: 2, timeoutSeconds: 0.3).SendAsync(Message, CancellationToken.None);

        Assert.False(result.Sent);
        Assert.Equal("gave up after 2 requests: no answer from SendGrid within 0.3 s (Email__SendTimeout)", result.Error);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        sendGrid.Then(FakeSendGrid.Reply.Dropped());

        var result = await Sender().SendAsync(Message, CancellationToken.None);

        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.True(result.Sent);
        Assert.Equal(2, result.Requests);
        Assert.Single(sendGrid.Delivered);
    }

    [Fact]
    public async Task Only_dropped_connections_fail_saying_so()
    {
        for (var i = 0; i < 2; i++) sendGrid.Then(FakeSendGrid.Reply.Dropped());

        var result = await Sender(maxAttempts: 2).SendAsync(Message, CancellationToken.None);

        Assert.False(result.Sent);
        Assert.StartsWith("gave up after 2 requests: connection to SendGrid failed", result.Error, StringComparison.Ordinal);
    }
}
