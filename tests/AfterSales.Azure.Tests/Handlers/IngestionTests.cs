using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Azure.Data.Tables;
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
        Assert.Equal(Enumerable.Repeat(At("2026-10-12 09:30"), 20), await DueRowsOfAsync("T-busy"));

        await service.SweepAtAsync("2026-10-12 09:30");

        Assert.Equal([(await service.TicketAsync("T-busy"))!.Ticket.IndexedDueAt!.Value], await DueRowsOfAsync("T-busy"));
    }

    [Fact]
    public async Task An_event_is_two_storage_requests_whether_its_ticket_is_new_listed_or_not()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:03").Responded("2026-10-12 09:04");
        var requests = new List<long>();
        foreach (var (e, at) in ticket.Events.Zip(["2026-10-12 09:00", "2026-10-12 09:03", "2026-10-12 09:04"]))
        {
            service.SetTime(at);
            var before = Tables.Traffic.Requests;
            Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(e)).Outcome);
            requests.Add(Tables.Traffic.Requests - before);
            if (e == ticket[0]) await service.SweepAtAsync(at);
        }

        Assert.Equal([2L, 2L, 2L], requests);
    }

    [Fact]
    public async Task An_event_that_comes_in_while_a_sweep_has_its_ticket_in_hand_is_assessed_by_the_next_sweep()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:00");
        await service.IngestAsync(ticket[0]);
        var replied = false;
        // Same instant, so the reply's row sorts with the row the sweep read; the sweep has read and saved the ticket.
        var sweep = service.NewSweep(afterTicket: _ =>
        {
            if (replied) return;
            replied = true;
            Assert.Equal(IngestOutcome.Applied, service.IngestAsync(ticket[1]).GetAwaiter().GetResult().Outcome);
        });

        await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal([At("2026-10-12 09:00"), At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-1"));
        await service.SweepAtAsync("2026-10-12 09:00:10");
        var swept = (await service.TicketAsync("T-1"))!.Ticket;
        Assert.Equal(2, swept.History.Events.Length);
        Assert.True(swept.IndexedDueAt > At("2026-10-12 09:07:30"), "the reply moved the next step past the first-response warning");
        Assert.Equal([swept.IndexedDueAt!.Value], await DueRowsOfAsync("T-1"));
    }

    [Fact]
    public async Task An_event_stored_by_a_delivery_that_stopped_before_listing_it_is_listed_by_the_redelivery()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var opened = new TicketScript().Opened("2026-10-12 09:00", "P1")[0];
        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(opened, CancellationToken.None));
        Assert.Empty(await DueRowsOfAsync("T-1"));

        Assert.Equal(IngestOutcome.Duplicate, (await service.IngestAsync(opened)).Outcome);
        await service.SweepAtAsync("2026-10-12 09:00");

        Assert.Equal(["p1-opened ticket → duty@example.com @ 2026-10-12 09:00"], await service.OutboxLinesAsync());
    }

    [Fact]
    public async Task A_sweep_records_an_event_that_changed_no_deadline_in_the_state_row_admins_read()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Assigned("2026-10-12 09:01", "Wang Qiang");
        await service.IngestAsync(ticket[0]);
        await service.SweepAtAsync("2026-10-12 09:00");
        service.SetTime("2026-10-12 09:01");
        await service.IngestAsync(ticket[1]);

        await service.SweepAtAsync("2026-10-12 09:01");

        Assert.Equal([At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-1"));
        var row = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-1", "s|T-1")).Value;
        Assert.Equal(("Wang Qiang", 2), (row.GetString("Owner"), row.GetInt32("Events")));
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
        Assert.Equal((At("2026-10-12 09:07:30"), (NodaTime.Instant?)null), (state!.IndexedDueAt, state.ReassessAt));
        Assert.Equal([At("2026-10-12 09:03"), At("2026-10-12 09:04"), At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-1"));

        await service.SweepAtAsync("2026-10-12 09:04");

        Assert.Equal([At("2026-10-12 09:49")], await DueRowsOfAsync("T-1"));
    }

    [Fact]
    public async Task A_ticket_an_earlier_version_listed_for_its_events_is_swept_and_keeps_one_row_at_its_next_due_instant()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:03", LadderOnly.Settings());
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:03").History.MarkProduced(["T-1/ticket/p1-opened/1"]);
        // What the earlier ingestion left: the state row noting its row (at the time of the reply), and that row.
        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, At("2026-10-12 09:07:30"), At("2026-10-12 09:03")), CancellationToken.None));
        await Tables.DueIndex.PutAsync(new DueEntry("T-1", At("2026-10-12 09:03")), CancellationToken.None);
        await Tables.DueIndex.PutAsync(new DueEntry("T-1", At("2026-10-12 09:07:30")), CancellationToken.None);

        await service.SweepAtAsync("2026-10-12 09:03");

        Assert.Equal([At("2026-10-12 09:48")], await DueRowsOfAsync("T-1"));
        Assert.Equal(new TicketState(At("2026-10-12 09:48"), null, (await service.TicketAsync("T-1"))!.Version),
            await Tables.Tickets.GetStateAsync("T-1", CancellationToken.None));
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
