using System.Text.Json;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;
using AfterSales.Core.Tickets;

namespace AfterSales.Functions.Tests.Http;

/// <summary>
/// A P3 ticket on the business calendar (Mon–Fri 08:30–17:30 Shanghai) opened Friday 2026-10-16 17:20: its 30-minute
/// first response runs 10 minutes on Friday and 20 on Monday, so it is due Monday 08:50 (00:50Z).
/// </summary>
public sealed class TicketSlaHttpTests : StorageTest
{
    private readonly TicketScript script = new TicketScript("T-7").Opened("2026-10-16 17:20");

    [Fact]
    public async Task A_running_clock_shows_its_deadline_and_the_time_left_in_working_and_calendar_time()
    {
        await using var service = await StartWithAsync(script, "2026-10-16 17:25");

        var sla = await GetAsync(service);

        Assert.Equal("Active", sla.Text("phase"));
        Assert.Equal("P3", sla.Text("policy"));
        Assert.Equal("P3", sla.Text("priority"));
        Assert.Equal("2026-10-16T09:25:00Z", sla.Text("asOf"));
        var first = Clock(sla, "first-response");
        Assert.Equal("FirstResponse", first.Text("kind"));
        Assert.Equal("Business", first.Text("calendar"));
        Assert.Equal("PT30M", first.Text("target"));
        Assert.Equal("2026-10-19T00:50:00Z", first.Text("deadline"));
        Assert.Equal("2026-10-19T00:42:30Z", first.Text("warningAt"));
        Assert.Equal("running", first.Text("state"));
        Assert.Equal("PT25M", first.GetProperty("timeLeft").Text("working"));
        Assert.Equal("PT63H25M", first.GetProperty("timeLeft").Text("calendar"));
        Assert.Null(first.Text("overdueBy"));
        Assert.Equal("PT27H", Clock(sla, "resolution").Text("target"));
    }

    [Fact]
    public async Task An_overdue_clock_shows_by_how_much_and_the_steps_the_sweep_produced_with_their_outbox_status()
    {
        await using var service = await StartWithAsync(script, "2026-10-19 09:00");
        await service.SweepAsync();
        service.SetTime("2026-10-19 09:10");

        var sla = await GetAsync(service);

        var first = Clock(sla, "first-response");
        Assert.Equal("overdue", first.Text("state"));
        Assert.Null(first.Text("timeLeft"));
        Assert.Equal("PT20M", first.GetProperty("overdueBy").Text("working"));
        Assert.Equal("PT20M", first.GetProperty("overdueBy").Text("calendar"));

        var steps = sla.GetProperty("steps").EnumerateArray().ToList();
        var supervisor = steps.Single(s => s.Text("key") == "T-7/first-response/supervisor/1");
        Assert.Equal("Supervisor", supervisor.Text("role"));
        Assert.Equal("2026-10-19T00:50:00Z", supervisor.Text("dueAt"));
        Assert.True(supervisor.GetProperty("produced").GetBoolean());
        Assert.Equal("pending", supervisor.Text("status"));
        Assert.Equal("2026-10-19T01:00:00Z", supervisor.Text("producedAt"));
        var resolution = steps.Single(s => s.Text("key") == "T-7/resolution/department-head/1");
        Assert.False(resolution.GetProperty("produced").GetBoolean());
        Assert.Null(resolution.Text("status"));
        Assert.DoesNotContain("supervisor@example.com", sla.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_reply_shows_the_clock_missed_and_pauses_while_waiting_for_the_customer_are_listed()
    {
        script.Responded("2026-10-19 09:05")
            .Status("2026-10-19 09:20", TicketStatus.WaitingForCustomer)
            .CustomerReplied("2026-10-19 10:00")
            .Status("2026-10-19 11:00", TicketStatus.WaitingForCustomer);
        await using var service = await StartWithAsync(script, "2026-10-19 11:30");

        var sla = await GetAsync(service);

        var first = Clock(sla, "first-response");
        Assert.Equal("missed", first.Text("state"));
        Assert.Equal("2026-10-19T01:05:00Z", first.Text("stoppedAt"));
        Assert.Equal("AgentResponded", first.Text("stoppedBy"));
        Assert.Equal("PT15M", first.GetProperty("overdueBy").Text("working"));
        Assert.Equal("paused", Clock(sla, "resolution").Text("state"));
        Assert.Equal("Paused", sla.Text("phase"));
        var pauses = sla.GetProperty("pauses").EnumerateArray().Select(p => (p.Text("start"), p.Text("end"))).ToList();
        Assert.Equal(
            [("2026-10-19T01:20:00Z", "2026-10-19T02:00:00Z"), ("2026-10-19T03:00:00Z", null)],
            pauses);
    }

    [Fact]
    public async Task Steps_produced_in_an_earlier_cycle_are_still_listed_after_a_reopen()
    {
        script.Resolved("2026-10-19 10:00").Add(new TicketReopened("T-7-e9", "T-7", ShanghaiTime.At("2026-10-19 11:00"), "Broke again"));
        await using var service = await StartWithAsync(new TicketScript("T-7").Opened("2026-10-16 17:20"), "2026-10-19 09:00");
        await service.SweepAsync();
        foreach (var e in script.Events.Skip(1)) await IngestAsync(service, e);
        service.SetTime("2026-10-19 11:05");

        var sla = await GetAsync(service);

        Assert.Equal(2, sla.GetProperty("cycle").GetInt32());
        var earlier = sla.GetProperty("steps").EnumerateArray().Single(s => s.Text("key") == "T-7/first-response/supervisor/1");
        Assert.True(earlier.GetProperty("produced").GetBoolean());
        Assert.Equal("pending", earlier.Text("status"));
        Assert.Contains(sla.GetProperty("clocks").EnumerateArray(), c => c.Text("clockId") == "first-response" && c.GetProperty("cycle").GetInt32() == 2);
    }

    [Fact]
    public async Task An_unknown_ticket_is_a_404_problem()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-19 09:00");

        var response = await service.Endpoint<TicketSlaEndpoint>().GetAsync("T-404", CancellationToken.None).AnswerAsync();

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(HttpAnswer.ProblemType, response.ContentType);
        var problem = response.Json();
        Assert.Equal(ProblemTypes.TicketNotFound, problem.Text("type"));
        Assert.Contains("T-404", problem.Text("detail"), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task A_clock_met_shows_the_time_it_had_to_spare_in_working_and_calendar_time()
    {
        // P3 resolution: 27 working hours from Wed 08:30 end Fri 17:30; resolved Thursday 17:30 with 9 h (24 h on the wall clock) to spare.
        var ticket = new TicketScript("T-7").Opened("2026-10-14 08:30").Responded("2026-10-14 08:40").Resolved("2026-10-15 17:30");
        await using var service = await StartWithAsync(ticket, "2026-10-16 09:00", "2026-10-14 08:30");

        var resolution = Clock(await GetAsync(service), "resolution");

        Assert.Equal("met", resolution.Text("state"));
        Assert.Equal("PT9H", resolution.GetProperty("spare").Text("working"));
        Assert.Equal("PT24H", resolution.GetProperty("spare").Text("calendar"));
    }

    [Fact]
    public async Task A_first_response_that_never_came_is_unanswered_with_nothing_to_spare()
    {
        var ticket = new TicketScript("T-7").Opened("2026-10-14 09:00").Closed("2026-10-14 09:10");
        await using var service = await StartWithAsync(ticket, "2026-10-14 10:00", "2026-10-14 09:00");

        var first = Clock(await GetAsync(service), "first-response");

        Assert.Equal("unanswered", first.Text("state"));
        Assert.Equal("TicketClosed", first.Text("stoppedBy"));
        Assert.Null(first.Text("spare"));
    }

    [Fact]
    public async Task A_warning_due_after_its_deadline_is_shown_as_not_sent_with_the_reason()
    {
        // A promise made Friday evening for 20:00 on business hours: its warning would wait for Monday, after the deadline.
        var ticket = new TicketScript("T-7").Opened("2026-10-16 17:00").Responded("2026-10-16 17:10");
        ticket.Add(new CommitmentMade("T-7-e3", "T-7", ShanghaiTime.At("2026-10-16 17:20"), ShanghaiTime.At("2026-10-16 20:00"), "call back"));
        await using var service = await StartWithAsync(ticket, "2026-10-19 09:00", "2026-10-16 17:00");

        var steps = (await GetAsync(service)).GetProperty("steps").EnumerateArray().ToList();

        Assert.StartsWith("superseded", steps.Single(s => s.Text("key") == "T-7/commitment@T-7-e3/warning/1").Text("notSent"), StringComparison.Ordinal);
        Assert.Null(steps.Single(s => s.Text("key") == "T-7/commitment@T-7-e3/supervisor/1").Text("notSent"));
    }

    private async Task<ComposedService> StartWithAsync(TicketScript ticket, string now, string startsAt = "2026-10-16 17:20")
    {
        var service = await ComposedService.StartAsync(ConnectionString, Prefix, startsAt);
        foreach (var e in ticket.Events)
        {
            service.Clock.SetUtcNow(e.OccurredAt.ToDateTimeOffset());
            await IngestAsync(service, e);
            // As the every-minute sweep would (the acknowledgement text falls due at once); a first sweep looks back only a day.
            await service.SweepAsync();
        }
        service.SetTime(now);
        return service;
    }

    private static async Task IngestAsync(ComposedService service, AfterSalesEvent e)
    {
        var result = await service.Get<TicketEventIngestion>().IngestAsync(TicketScript.Payload(e), "test", CancellationToken.None);
        Assert.NotEqual(IngestOutcome.Rejected, result.Outcome);
    }

    private static async Task<JsonElement> GetAsync(ComposedService service)
    {
        var response = await service.Endpoint<TicketSlaEndpoint>().GetAsync("T-7", CancellationToken.None).AnswerAsync();
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(HttpAnswer.JsonType, response.ContentType);
        return response.Json();
    }

    private static JsonElement Clock(JsonElement sla, string clockId) =>
        sla.GetProperty("clocks").EnumerateArray().Single(c => c.Text("clockId") == clockId && c.GetProperty("cycle").GetInt32() == 1);
}
