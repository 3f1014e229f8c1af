using AfterSales.Azure.Tests.Support;
using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;

namespace AfterSales.Functions.Tests.Http;

public sealed class RejectedEventsHttpTests : StorageTest
{
    private static string OpenedWithPriority(string ticketId, string priority) =>
        new TicketScript(ticketId).Opened("2026-10-16 09:00", priority).Payloads.Single();

    [Fact]
    public async Task Rejected_events_are_listed_newest_first_a_page_at_a_time()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var posts = service.Endpoint<TicketEventsEndpoint>();
        foreach (var (ticket, minute) in new[] { ("T-1", "09:01"), ("T-2", "09:02"), ("T-3", "09:03") })
        {
            service.SetTime("2026-10-16 " + minute);
            await posts.PostAsync(OpenedWithPriority(ticket, "P9"), CancellationToken.None).AnswerAsync();
        }
        var http = service.Endpoint<RejectedEventsEndpoint>();

        var first = (await http.ListAsync("2", null, CancellationToken.None).AnswerAsync()).Json();
        var next = first.Text("next");
        var second = (await http.ListAsync("2", next, CancellationToken.None).AnswerAsync()).Json();

        var firstPage = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["T-3", "T-2"], firstPage.Select(i => TicketOf(i.Text("payload")!)));
        Assert.Equal(firstPage[1].Text("id"), next);
        var item = firstPage[0];
        Assert.Equal("UnknownPriority", item.Text("reason"));
        Assert.Equal("priority", item.Text("field"));
        Assert.Equal("http", item.Text("source"));
        Assert.Equal("2026-10-16T01:03:00Z", item.Text("receivedAt"));
        Assert.Null(item.Text("replayedAt"));
        Assert.Equal(["T-1"], second.GetProperty("items").EnumerateArray().Select(i => TicketOf(i.Text("payload")!)));
        Assert.Null(second.Text("next"));
    }

    [Fact]
    public async Task The_default_page_holds_fifty()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        for (var i = 0; i < RejectedEventsEndpoint.DefaultLimit + 1; i++)
            await service.Endpoint<TicketEventsEndpoint>().PostAsync("{", CancellationToken.None).AnswerAsync();

        var page = (await service.Endpoint<RejectedEventsEndpoint>().ListAsync(null, null, CancellationToken.None).AnswerAsync()).Json();

        Assert.Equal(RejectedEventsEndpoint.DefaultLimit, page.GetProperty("items").GetArrayLength());
        Assert.NotNull(page.Text("next"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("ten")]
    [InlineData("-1")]
    public async Task A_bad_page_size_is_a_400_problem_naming_limit(string limit)
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");

        var response = await service.Endpoint<RejectedEventsEndpoint>().ListAsync(limit, null, CancellationToken.None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        var problem = response.Json();
        Assert.Equal(ProblemTypes.InvalidQuery, problem.Text("type"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task An_unknown_cursor_is_a_400_problem_naming_after()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        await service.Endpoint<TicketEventsEndpoint>().PostAsync("{", CancellationToken.None).AnswerAsync();

        var response = await service.Endpoint<RejectedEventsEndpoint>().ListAsync(null, "20261016_nope", CancellationToken.None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.True(response.Json().GetProperty("errors").TryGetProperty("after", out _));
    }

    [Fact]
    public async Task Replaying_an_unknown_id_is_a_404_problem()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");

        var response = await service.Endpoint<RejectedEventsEndpoint>().ReplayAsync("20261016_missing", CancellationToken.None).AnswerAsync();

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(ProblemTypes.RejectedEventNotFound, response.Json().Text("type"));
    }

    [Fact]
    public async Task Replaying_an_event_that_still_fails_is_a_422_problem_naming_the_field_and_it_stays_listed()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var id = (await service.Endpoint<TicketEventsEndpoint>().PostAsync(OpenedWithPriority("T-1", "P9"), CancellationToken.None).AnswerAsync()).Json().Text("rejectedEventId")!;

        var response = await service.Endpoint<RejectedEventsEndpoint>().ReplayAsync(id, CancellationToken.None).AnswerAsync();

        Assert.Equal(422, response.StatusCode);
        var problem = response.Json();
        Assert.Equal(ProblemTypes.StillRejected, problem.Text("type"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("priority", out _));
        Assert.Equal(id, problem.Text("rejectedEventId"));
        Assert.Null((await Tables.RejectedEvents.GetAsync(id, CancellationToken.None))!.ReplayedAt);
    }

    [Fact]
    public async Task After_an_admin_adds_the_missing_policy_the_replay_applies_the_event()
    {
        string id;
        await using (var before = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01"))
            id = (await before.Endpoint<TicketEventsEndpoint>().PostAsync(OpenedWithPriority("T-1", "P9"), CancellationToken.None).AnswerAsync()).Json().Text("rejectedEventId")!;
        await using var after = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:30",
            ("Sla:Policies:P9:Precedence", "5"), ("Sla:Policies:P9:Priorities", "P9"), ("Sla:Policies:P9:Calendar", "24x7"),
            ("Sla:Policies:P9:FirstResponse", "PT5M"), ("Sla:Policies:P9:Resolution", "PT2H"));

        var response = await after.Endpoint<RejectedEventsEndpoint>().ReplayAsync(id, CancellationToken.None).AnswerAsync();

        Assert.Equal(200, response.StatusCode);
        var body = response.Json();
        Assert.Equal("applied", body.Text("outcome"));
        Assert.Equal("T-1", body.Text("ticketId"));
        Assert.Equal(id, body.Text("rejectedEventId"));
        Assert.NotNull(await Tables.Tickets.GetAsync("T-1", CancellationToken.None));
        var listed = (await after.Endpoint<RejectedEventsEndpoint>().ListAsync(null, null, CancellationToken.None).AnswerAsync()).Json().GetProperty("items")[0];
        Assert.Equal("2026-10-16T01:30:00Z", listed.Text("replayedAt"));

        var again = await after.Endpoint<RejectedEventsEndpoint>().ReplayAsync(id, CancellationToken.None).AnswerAsync();
        Assert.Equal("duplicate", again.Json().Text("outcome"));
    }

    private static string TicketOf(string payload) => System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("ticketId").GetString()!;
}
