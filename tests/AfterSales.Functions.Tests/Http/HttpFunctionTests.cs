using System.Text.Json;
using AfterSales.Azure.Sms;
using AfterSales.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Functions.Tests.Http;

/// <summary>Each HTTP function with a real <see cref="Microsoft.AspNetCore.Http.HttpRequest"/>, over Azurite, through the app's composition.</summary>
public sealed class HttpFunctionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static string Opened(string ticketId) => new TicketScript(ticketId).Opened("2026-10-16 09:00", "P1").Payloads.Single();

    [Fact]
    public async Task TicketEventsHttp_accepts_an_event_with_202_and_refuses_a_bad_one_with_a_problem_naming_the_field()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01");

        var applied = await Content(app.InvokeAsync<TicketEventsHttpFunction, IResult>(async f => (IResult)await f.Run(app.Request("POST", "/api/tickets/events", Opened("T-1")), None)));
        var refused = await Content(app.InvokeAsync<TicketEventsHttpFunction, IResult>(async f =>
            (IResult)await f.Run(app.Request("POST", "/api/tickets/events", Opened("T-2").Replace("+8613800138000", "0138", StringComparison.Ordinal)), None)));

        Assert.Equal(202, applied.Status);
        Assert.Equal("applied", applied.Json.GetProperty("outcome").GetString());
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("application/problem+json", refused.ContentType, StringComparison.Ordinal);
        Assert.True(refused.Json.GetProperty("errors").TryGetProperty("customer.phone", out _), refused.Body);
    }

    [Fact]
    public async Task TicketSla_answers_the_clocks_of_a_ticket_and_404_for_an_unknown_one()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01");
        await app.InvokeAsync<TicketEventsHttpFunction, IResult>(async f => (IResult)await f.Run(app.Request("POST", "/api/tickets/events", Opened("T-1")), None));

        var known = await Content(app.InvokeAsync<TicketSla, IResult>(async f => (IResult)await f.Run(app.Request("GET", "/api/tickets/T-1/sla"), "T-1", None)));
        var unknown = await Content(app.InvokeAsync<TicketSla, IResult>(async f => (IResult)await f.Run(app.Request("GET", "/api/tickets/T-9/sla"), "T-9", None)));

        Assert.Equal(200, known.Status);
        Assert.Equal("T-1", known.Json.GetProperty("ticketId").GetString());
        Assert.Equal(404, unknown.Status);
        Assert.StartsWith("application/problem+json", unknown.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_events_are_listed_and_a_bad_page_size_or_unknown_id_is_a_problem()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01");
        await app.InvokeAsync<TicketEventsHttpFunction, IResult>(async f => (IResult)await f.Run(app.Request("POST", "/api/tickets/events", "{not json"), None));

        var listed = await Content(app.InvokeAsync<RejectedEvents, IResult>(async f => (IResult)await f.List(app.Request("GET", "/api/rejected-events?limit=10"), None)));
        var badLimit = await Content(app.InvokeAsync<RejectedEvents, IResult>(async f => (IResult)await f.List(app.Request("GET", "/api/rejected-events?limit=many"), None)));
        var unknown = await Content(app.InvokeAsync<RejectedEvents, IResult>(async f => (IResult)await f.Replay(app.Request("POST", "/api/rejected-events/nope/replay"), "nope", None)));

        Assert.Equal(200, listed.Status);
        Assert.Equal(1, listed.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(400, badLimit.Status);
        Assert.True(badLimit.Json.GetProperty("errors").TryGetProperty("limit", out _));
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task RevisitOutcome_refuses_a_bad_date_naming_it_and_health_answers_from_memory()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01");

        var outcome = await Content(app.InvokeAsync<RevisitOutcome, IResult>(async f =>
            (IResult)await f.Run(app.Request("POST", "/api/revisits/someday/SN-1/outcome", """{"outcome":"reached"}"""), "someday", "SN-1", None)));
        var health = await Content(app.InvokeAsync<Health, IResult>(async f => (IResult)await Task.FromResult(f.Run(app.Request("GET", "/api/health")))));

        Assert.Equal(400, outcome.Status);
        Assert.True(outcome.Json.GetProperty("errors").TryGetProperty("date", out _));
        Assert.Equal(200, health.Status);
        Assert.Equal("healthy", health.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SmsInbound_takes_a_signed_stop_and_refuses_an_unsigned_one()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01");
        var form = new Dictionary<string, string> { ["From"] = "+8613800138000", ["Body"] = "STOP", ["MessageSid"] = "SM1" };
        var body = string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

        var signedRequest = app.Request("POST", "/api/sms/inbound", body, "application/x-www-form-urlencoded");
        signedRequest.Headers[TwilioSignature.Header] = TwilioSignature.Compute("auth-token", "https://aftersales.example.com/api/sms/inbound", form);
        var signed = await Content(app.InvokeAsync<SmsInbound, IResult>(async f => (IResult)await f.Run(signedRequest, None)));
        var unsigned = await Content(app.InvokeAsync<SmsInbound, IResult>(async f =>
            (IResult)await f.Run(app.Request("POST", "/api/sms/inbound", body, "application/x-www-form-urlencoded"), None)));

        Assert.Equal(200, signed.Status);
        Assert.Equal("<Response/>", signed.Body);
        Assert.Equal(403, unsigned.Status);
        Assert.True(await app.Get<AfterSales.Core.Texts.IOptOuts>().IsOptedOutAsync("+8613800138000", None));
    }

    [Fact]
    public async Task SmsStatus_checks_twilios_signature_over_the_callback_url_with_its_query_and_answers_a_signed_report_204()
    {
        const string callback = "https://aftersales.example.com/api/sms/status";
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01", ("Sms:StatusCallback", callback));
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered", ["To"] = "+8613800138000" };
        var body = string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        const string query = "?ticket=T-1&step=T-1%2Ftext%2Fack%2F1";

        var signedRequest = app.Request("POST", "/api/sms/status" + query, body, "application/x-www-form-urlencoded");
        signedRequest.Headers[TwilioSignature.Header] = TwilioSignature.Compute("auth-token", callback + query, form);
        var signed = await Content(app.InvokeAsync<SmsStatus, IResult>(async f => (IResult)await f.Run(signedRequest, None)));
        var signedWithoutQuery = app.Request("POST", "/api/sms/status" + query, body, "application/x-www-form-urlencoded");
        signedWithoutQuery.Headers[TwilioSignature.Header] = TwilioSignature.Compute("auth-token", callback, form);
        var altered = await Content(app.InvokeAsync<SmsStatus, IResult>(async f => (IResult)await f.Run(signedWithoutQuery, None)));

        Assert.Equal(204, signed.Status);
        Assert.Equal(403, altered.Status);
    }

    [Fact]
    public async Task SmsStatus_without_a_configured_callback_refuses_every_report()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:01");

        var answer = await Content(app.InvokeAsync<SmsStatus, IResult>(async f =>
            (IResult)await f.Run(app.Request("POST", "/api/sms/status", "MessageSid=SM1&MessageStatus=delivered", "application/x-www-form-urlencoded"), None)));

        Assert.Equal(403, answer.Status);
        Assert.Contains("Sms__StatusCallback", answer.Body, StringComparison.Ordinal);
    }

    private static async Task<Answer> Content(Task<IResult> result)
    {
        var answer = await HttpAnswer.OfAsync(await result);
        return new Answer(answer.StatusCode, answer.ContentType, answer.Body);
    }

    private sealed record Answer(int Status, string ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
