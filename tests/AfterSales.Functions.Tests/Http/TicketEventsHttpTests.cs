using AfterSales.Core.Application;
using AfterSales.Azure.Tests.Support;
using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;

namespace AfterSales.Functions.Tests.Http;

public sealed class TicketEventsHttpTests : StorageTest
{
    private static string Opened(string ticketId = "T-1") => new TicketScript(ticketId).Opened("2026-10-16 09:00").Payloads.Single();

    [Fact]
    public async Task An_applied_event_is_accepted_with_202_and_stored()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(Opened(), CancellationToken.None).AnswerAsync();

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(HttpAnswer.JsonType, response.ContentType);
        var body = response.Json();
        Assert.Equal("applied", body.Text("outcome"));
        Assert.Equal("T-1-e1", body.Text("eventId"));
        Assert.Equal("T-1", body.Text("ticketId"));
        Assert.NotNull(await Tables.Tickets.GetAsync("T-1", CancellationToken.None));
    }

    [Fact]
    public async Task The_same_event_posted_again_answers_200_duplicate_and_changes_nothing()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var http = service.Endpoint<TicketEventsEndpoint>();
        await http.PostAsync(Opened(), CancellationToken.None).AnswerAsync();
        var version = (await Tables.Tickets.GetAsync("T-1", CancellationToken.None))!.Version;

        var again = await http.PostAsync(Opened(), CancellationToken.None).AnswerAsync();

        Assert.Equal(200, again.StatusCode);
        Assert.Equal("duplicate", again.Json().Text("outcome"));
        Assert.Equal(version, (await Tables.Tickets.GetAsync("T-1", CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_bad_field_answers_400_problem_details_naming_the_field_and_the_payload_is_kept()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var payload = Opened().Replace("+8613800138000", "13800138000", StringComparison.Ordinal);

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(payload, CancellationToken.None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(HttpAnswer.ProblemType, response.ContentType);
        var problem = response.Json();
        Assert.Equal(ProblemTypes.InvalidEvent, problem.Text("type"));
        Assert.Equal("The ticket event cannot be applied", problem.Text("title"));
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("customer.phone: ", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Single(problem.GetProperty("errors").GetProperty("customer.phone").EnumerateArray());
        Assert.Equal("InvalidPhone", problem.Text("reason"));

        var kept = await Tables.RejectedEvents.GetAsync(problem.Text("rejectedEventId")!, CancellationToken.None);
        Assert.NotNull(kept);
        Assert.Equal(payload, kept.Payload);
        Assert.Equal(EventSources.Http, kept.Source);
        Assert.Null(await Tables.Tickets.GetAsync("T-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem_about_the_whole_payload()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync("ticket T-1 opened", CancellationToken.None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        var problem = response.Json();
        Assert.Equal("BadJson", problem.Text("reason"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("$", out _));
        Assert.NotNull(await Tables.RejectedEvents.GetAsync(problem.Text("rejectedEventId")!, CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_is_recorded_with_202()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        const string delivery = """
            {"eventId":"d-1","type":"ProductDelivered","occurredAt":"2026-10-15T15:20:00+08:00","installationId":"INS-9",
             "customer":{"id":"C-9","name":"王芳","phone":"+8613900139000","locale":"zh-CN"}}
            """;

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(delivery, CancellationToken.None).AnswerAsync();

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("deliveryRecorded", response.Json().Text("outcome"));
    }
}
