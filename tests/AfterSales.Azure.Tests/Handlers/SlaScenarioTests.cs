using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>SPEC scenarios end to end: events ingested, sweeps on the clock, the outbox as the senders would see it.</summary>
public class SlaScenarioTests : StorageTest
{
    [Fact]
    public async Task P1_without_a_reply_tells_the_duty_manager_at_once_warns_the_owner_then_escalates_at_the_breach()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        await service.IngestAllAsync(new TicketScript().Opened("2026-10-12 09:00", "P1"));

        await service.SweepAtAsync("2026-10-12 09:00");
        Assert.Equal(["p1-opened ticket → duty@example.com @ 2026-10-12 09:00"], await service.OutboxLinesAsync());

        await service.SweepAtAsync("2026-10-12 09:07:29");
        Assert.Single(await service.OutboxAsync());

        await service.SweepAtAsync("2026-10-12 09:07:30");
        await service.SweepAtAsync("2026-10-12 09:10");
        await service.SweepAtAsync("2026-10-12 09:30");

        Assert.Equal(
            [
                "p1-opened ticket → duty@example.com @ 2026-10-12 09:00",
                "warning first-response → li.wei@example.com @ 2026-10-12 09:07:30",
                "p1-breach first-response → duty@example.com @ 2026-10-12 09:10",
                "supervisor first-response → metro.supervisor@example.com @ 2026-10-12 09:10",
            ],
            await service.OutboxLinesAsync());
        Assert.Equal(
            [At("2026-10-12 09:00"), At("2026-10-12 09:07:30"), At("2026-10-12 09:10"), At("2026-10-12 09:10")],
            (await service.OutboxAsync()).OrderBy(e => e.DueAt).Select(e => e.ProducedAt));
    }

    [Fact]
    public async Task P3_opened_on_Friday_evening_breaches_first_response_on_Monday_morning()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-16 17:15");
        await service.IngestAllAsync(new TicketScript().Opened("2026-10-16 17:15", "P3"));

        await service.SweepAtAsync("2026-10-16 17:30");
        await service.SweepAtAsync("2026-10-17 10:00");
        await service.SweepAtAsync("2026-10-19 08:30");
        Assert.Empty(await service.OutboxAsync());

        await service.SweepAtAsync("2026-10-19 08:37:30");
        await service.SweepAtAsync("2026-10-19 08:45");

        Assert.Equal(
            [
                "warning first-response → li.wei@example.com @ 2026-10-19 08:37:30",
                "supervisor first-response → metro.supervisor@example.com @ 2026-10-19 08:45",
            ],
            await service.OutboxLinesAsync());
    }

    [Fact]
    public async Task A_reply_before_the_deadline_stops_the_first_response_clock_so_no_breach_row_is_written()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 09:20");
        await service.IngestAsync(ticket[0]);
        await service.SweepAtAsync("2026-10-12 09:10");

        service.SetTime("2026-10-12 09:20");
        await service.IngestAsync(ticket[1]);
        await service.SweepAtAsync("2026-10-12 09:22:30");
        await service.SweepAtAsync("2026-10-12 09:30");
        await service.SweepAtAsync("2026-10-12 12:00");

        Assert.Empty(await service.OutboxAsync());
        var stored = await service.TicketAsync("T-1");
        Assert.Equal(At("2026-10-12 13:50"), stored!.Ticket.IndexedDueAt);
        Assert.Equal([At("2026-10-12 13:50")], await DueRowsOfAsync("T-1"));
    }

    [Fact]
    public async Task A_sweep_after_the_steps_went_out_adds_nothing_and_keeps_the_ticket_indexed_at_its_next_step()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        await service.IngestAllAsync(new TicketScript().Opened("2026-10-12 09:00", "P1"));
        await service.SweepAtAsync("2026-10-12 09:00");

        var again = await service.SweepAtAsync("2026-10-12 09:01");

        Assert.Equal(new SweepReport(false, 0, 0, 0), again);
        Assert.Equal([At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-1"));
    }
}
