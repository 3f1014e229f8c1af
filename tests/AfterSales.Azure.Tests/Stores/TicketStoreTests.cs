using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Tickets;
using Azure.Data.Tables;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

public class TicketStoreTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_new_ticket_is_added_and_reads_back_with_a_version()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").History;

        Assert.True(await Tables.Tickets.TrySaveAsync(new StoredTicket(history, At("2026-10-12 09:50")), null, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.NotNull(loaded);
        Assert.False(string.IsNullOrEmpty(loaded.Version));
        Assert.Equal(TicketHistoryJson.Write(history), TicketHistoryJson.Write(loaded.Ticket.History));
        Assert.Equal(At("2026-10-12 09:50"), loaded.Ticket.IndexedDueAt);
    }

    [Fact]
    public async Task A_missing_ticket_reads_as_null()
    {
        Assert.Null(await Tables.Tickets.GetAsync("T-404", None));
    }

    [Fact]
    public async Task Adding_a_ticket_that_exists_already_is_refused()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00").History;
        Assert.True(await Tables.Tickets.TrySaveAsync(new StoredTicket(history, null), null, None));

        var second = new TicketScript().Opened("2026-10-12 09:30", "P1").History;
        Assert.False(await Tables.Tickets.TrySaveAsync(new StoredTicket(second, null), null, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(TicketHistoryJson.Write(history), TicketHistoryJson.Write(loaded!.Ticket.History));
    }

    [Fact]
    public async Task An_update_over_the_version_read_is_saved_and_changes_the_version()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        await Tables.Tickets.TrySaveAsync(new StoredTicket(script.History, At("2026-10-12 09:00")), null, None);
        var first = await Tables.Tickets.GetAsync("T-1", None);

        var replied = script.Responded("2026-10-12 09:05").History;
        Assert.True(await Tables.Tickets.TrySaveAsync(new StoredTicket(replied, null), first!.Version, None));

        var second = await Tables.Tickets.GetAsync("T-1", None);
        Assert.NotEqual(first.Version, second!.Version);
        Assert.Equal(2, second.Ticket.History.Events.Length);
        Assert.Null(second.Ticket.IndexedDueAt);
    }

    [Fact]
    public async Task An_update_over_a_stale_version_is_refused_and_the_newer_state_stays()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        await Tables.Tickets.TrySaveAsync(new StoredTicket(script.History, null), null, None);
        var stale = await Tables.Tickets.GetAsync("T-1", None);
        var newer = script.Responded("2026-10-12 09:05").History;
        Assert.True(await Tables.Tickets.TrySaveAsync(new StoredTicket(newer, null), stale!.Version, None));

        var lost = newer.MarkProduced(["T-1/ticket/p1-opened/1"]);
        Assert.False(await Tables.Tickets.TrySaveAsync(new StoredTicket(lost, null), stale.Version, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Empty(loaded!.Ticket.History.ProducedSteps);
        Assert.Equal(2, loaded.Ticket.History.Events.Length);
    }

    [Fact]
    public async Task An_update_of_a_ticket_that_was_never_added_is_refused()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00").History;
        await Tables.Tickets.TrySaveAsync(new StoredTicket(history, null), null, None);
        var version = (await Tables.Tickets.GetAsync("T-1", None))!.Version;

        var other = new TicketScript("T-2").Opened("2026-10-12 09:00").History;

        Assert.False(await Tables.Tickets.TrySaveAsync(new StoredTicket(other, null), version, None));
        Assert.Null(await Tables.Tickets.GetAsync("T-2", None));
    }

    [Fact]
    public async Task A_history_longer_than_one_column_holds_is_kept_in_chunks_and_reads_back_whole()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00");
        for (var i = 0; i < 400; i++) script.Responded(Show(At("2026-10-12 09:01") + Duration.FromMinutes(i)));
        var history = script.History;
        var json = TicketHistoryJson.Write(history);
        Assert.True(json.Length > 60_000, $"the test history is only {json.Length} characters");

        Assert.True(await Tables.Tickets.TrySaveAsync(new StoredTicket(history, null), null, None));

        var row = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-1", "state")).Value;
        Assert.Equal((json.Length + 29_999) / 30_000, row.GetInt32("HistoryChunks"));
        Assert.All(Enumerable.Range(0, row.GetInt32("HistoryChunks")!.Value), i => Assert.True(row.GetString($"History{i}").Length <= 30_000));
        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(json, TicketHistoryJson.Write(loaded!.Ticket.History));
    }

    [Theory]
    [InlineData("T/1")]
    [InlineData(@"T\1#2?3")]
    [InlineData("工单-1 %2F")]
    public async Task Ticket_ids_with_characters_keys_forbid_are_escaped_and_read_back(string ticketId)
    {
        var history = new TicketScript(ticketId).Opened("2026-10-12 09:00").History;

        Assert.True(await Tables.Tickets.TrySaveAsync(new StoredTicket(history, null), null, None));

        var loaded = await Tables.Tickets.GetAsync(ticketId, None);
        Assert.Equal(ticketId, loaded!.Ticket.History.TicketId);
        Assert.Null(await Tables.Tickets.GetAsync(ticketId + "x", None));
    }

    [Fact]
    public async Task The_indexed_due_instant_keeps_every_tick()
    {
        var due = At("2026-10-12 09:07") + Duration.FromTicks(123_456_789);
        var history = new TicketScript().Opened("2026-10-12 09:00").History;

        await Tables.Tickets.TrySaveAsync(new StoredTicket(history, due), null, None);

        Assert.Equal(due, (await Tables.Tickets.GetAsync("T-1", None))!.Ticket.IndexedDueAt);
    }

    [Fact]
    public async Task A_row_shows_admins_priority_team_owner_and_status()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P2", team: "metro").Assigned("2026-10-12 09:03", "Wang Qiang")
            .Status("2026-10-12 09:04", Core.Events.TicketStatus.WaitingForCustomer).History;

        await Tables.Tickets.TrySaveAsync(new StoredTicket(history, null), null, None);

        var row = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-1", "state")).Value;
        Assert.Equal(("P2", "metro", "Wang Qiang", "WaitingForCustomer", 3),
            (row.GetString("Priority"), row.GetString("Team"), row.GetString("Owner"), row.GetString("Status"), row.GetInt32("Events")));
    }
}
