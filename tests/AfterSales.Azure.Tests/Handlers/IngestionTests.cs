using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

public class IngestionTests : StorageTest
{
    [Fact]
    public async Task The_same_event_ingested_twice_is_a_duplicate_and_changes_nothing()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var opened = new TicketScript().Opened("2026-10-12 09:00", "P1")[0];
        Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(opened)).Outcome);
        var before = await service.TicketAsync("T-1");

        var again = await service.IngestAsync(opened);

        Assert.Equal((IngestOutcome.Duplicate, opened.EventId, "T-1"), (again.Outcome, again.EventId, again.TicketId));
        var after = await service.TicketAsync("T-1");
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal([At("2026-10-12 09:00")], await DueRowsOfAsync("T-1"));
    }

    [Fact]
    public async Task A_resolution_ingested_before_the_reply_gives_the_same_outbox_as_in_order()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var inOrder = new TicketScript("T-in-order").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:12").Resolved("2026-10-12 09:30");
        var reversed = new TicketScript("T-reversed").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:12").Resolved("2026-10-12 09:30");
        await service.IngestAsync(inOrder[0]);
        await service.IngestAsync(reversed[0]);
        foreach (var at in new[] { "2026-10-12 09:00", "2026-10-12 09:07:30", "2026-10-12 09:10" }) await service.SweepAtAsync(at);

        service.SetTime("2026-10-12 09:35");
        await service.IngestAsync(inOrder[1]);
        await service.IngestAsync(reversed[2]);
        await service.SweepAtAsync("2026-10-12 09:36");
        service.SetTime("2026-10-12 09:37");
        await service.IngestAsync(inOrder[2]);
        await service.IngestAsync(reversed[1]);
        foreach (var at in new[] { "2026-10-12 09:38", "2026-10-12 10:30", "2026-10-12 14:00" }) await service.SweepAtAsync(at);

        var outbox = await service.OutboxAsync();
        string[] Steps(string ticketId) =>
            [.. outbox.Where(e => e.TicketId == ticketId).Select(e => $"{e.StepKey[(ticketId.Length + 1)..]} @ {Show(e.DueAt)}").Order(StringComparer.Ordinal)];
        Assert.Equal(4, Steps("T-in-order").Length);
        Assert.Equal(Steps("T-in-order"), Steps("T-reversed"));
        var (a, b) = ((await service.TicketAsync("T-in-order"))!.Ticket, (await service.TicketAsync("T-reversed"))!.Ticket);
        Assert.Equal(a.History.Events.Select(e => (e.Type, e.OccurredAt)), b.History.Events.Select(e => (e.Type, e.OccurredAt)));
        Assert.Equal((a.IndexedDueAt, a.History.ProducedSteps.Count), (b.IndexedDueAt, b.History.ProducedSteps.Count));
    }

    [Fact]
    public async Task Twenty_events_for_one_ticket_ingested_at_once_are_all_kept()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:30");
        var ticket = new TicketScript("T-busy").Opened("2026-10-12 09:00", "P2");
        for (var minute = 1; minute < 20; minute++) ticket.Responded($"2026-10-12 09:{minute:D2}");
        Assert.Equal(20, ticket.Events.Count);

        var results = await Task.WhenAll(ticket.Payloads.Select(payload => Task.Run(() => service.IngestAsync(payload))));

        Assert.All(results, r => Assert.Equal(IngestOutcome.Applied, r.Outcome));
        var stored = await service.TicketAsync("T-busy");
        Assert.Equal(ticket.Events.Select(e => e.EventId).Order(StringComparer.Ordinal),
            stored!.Ticket.History.Events.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.NotNull(stored.Ticket.ReassessAt);
        Assert.Equal([stored.Ticket.ReassessAt.Value], await DueRowsOfAsync("T-busy"));
    }

    [Fact]
    public async Task An_ingested_event_lists_the_ticket_now_and_the_sweep_leaves_one_row_at_its_next_due_instant()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:03").Responded("2026-10-12 09:04");
        await service.IngestAsync(ticket[0]);
        await service.SweepAtAsync("2026-10-12 09:00");

        service.SetTime("2026-10-12 09:03");
        await service.IngestAsync(ticket[1]);
        service.SetTime("2026-10-12 09:04");
        await service.IngestAsync(ticket[2]);
        var state = await Tables.Tickets.GetStateAsync("T-1", CancellationToken.None);
        Assert.Equal((At("2026-10-12 09:07:30"), At("2026-10-12 09:03")), (state!.IndexedDueAt, state.ReassessAt));
        Assert.Equal([At("2026-10-12 09:03"), At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-1"));

        await service.SweepAtAsync("2026-10-12 09:04");

        Assert.Equal([At("2026-10-12 09:49")], await DueRowsOfAsync("T-1"));
        Assert.Null((await Tables.Tickets.GetStateAsync("T-1", CancellationToken.None))!.ReassessAt);
    }

    [Fact]
    public async Task A_ticket_waiting_for_the_customer_leaves_the_due_index_and_returns_when_the_customer_replies()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05")
            .Status("2026-10-12 09:06", TicketStatus.WaitingForCustomer).CustomerReplied("2026-10-12 10:00");
        await service.IngestAsync(ticket[0]);
        await service.SweepAtAsync("2026-10-12 09:00");
        service.SetTime("2026-10-12 09:05");
        await service.IngestAsync(ticket[1]);
        Assert.Equal([At("2026-10-12 09:05"), At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-1"));
        await service.SweepAtAsync("2026-10-12 09:05");
        Assert.Equal([At("2026-10-12 09:50")], await DueRowsOfAsync("T-1"));

        service.SetTime("2026-10-12 09:06");
        await service.IngestAsync(ticket[2]);
        await service.SweepAtAsync("2026-10-12 09:06");
        Assert.Empty(await DueRowsOfAsync("T-1"));
        Assert.Null((await service.TicketAsync("T-1"))!.Ticket.IndexedDueAt);
        await service.SweepAtAsync("2026-10-12 09:55");

        service.SetTime("2026-10-12 10:00");
        await service.IngestAsync(ticket[3]);
        await service.SweepAtAsync("2026-10-12 10:00");
        Assert.Equal([At("2026-10-12 10:44")], await DueRowsOfAsync("T-1"));

        await service.SweepAtAsync("2026-10-12 10:44");
        Assert.Equal(
            ["p1-opened ticket → duty@example.com @ 2026-10-12 09:00", "warning update@T-1-e2 → li.wei@example.com @ 2026-10-12 10:44"],
            await service.OutboxLinesAsync());
    }

    [Fact]
    public async Task A_delivery_is_recorded_once_for_the_revisit_programme()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var delivery = new ProductDelivered("d-1", At("2026-10-10 15:20"), null,
            new Customer("C-1", "张伟", "+8613800138000", null, "zh-CN"), "SN-1", null);

        Assert.Equal(IngestOutcome.DeliveryRecorded, (await service.IngestAsync(delivery)).Outcome);
        Assert.Equal(IngestOutcome.Duplicate, (await service.IngestAsync(delivery)).Outcome);
    }
}
