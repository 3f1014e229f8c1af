using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
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

        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, At("2026-10-12 09:50")), None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.NotNull(loaded);
        Assert.False(string.IsNullOrEmpty(loaded.Version));
        Assert.Equal(TicketHistoryJson.Write(history), TicketHistoryJson.Write(loaded.Ticket.History));
        Assert.Equal(At("2026-10-12 09:50"), loaded.Ticket.IndexedDueAt);
        Assert.Equal(new TicketState(At("2026-10-12 09:50"), null, loaded.Version), await Tables.Tickets.GetStateAsync("T-1", None));
    }

    [Fact]
    public async Task A_missing_ticket_reads_as_null()
    {
        Assert.Null(await Tables.Tickets.GetAsync("T-404", None));
        Assert.Null(await Tables.Tickets.GetStateAsync("T-404", None));
    }

    [Fact]
    public async Task Each_event_is_a_row_of_the_tickets_partition_and_the_history_reads_back_in_time_order()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 09:30");
        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(script[2], None));
        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(script[0], None));
        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(script[1], None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);

        Assert.Equal(TicketHistoryJson.Write(script.History), TicketHistoryJson.Write(loaded!.Ticket.History));
        var rows = RawTable("Tickets").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"T-1"}"));
        Assert.Equal(["e|T-1-e1", "e|T-1-e2", "e|T-1-e3"], await rows.Select(r => r.RowKey).ToListAsync());
    }

    [Fact]
    public async Task Adding_an_event_is_one_insert_that_reads_nothing_and_leaves_the_state_row_as_it_is()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");
        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(new TicketScript().Opened("2026-10-12 09:00", "P1").History, At("2026-10-12 09:07:30")), None));
        var before = (await Tables.Tickets.GetStateAsync("T-1", None))!;
        var (requests, reads) = (Tables.Traffic.Requests, Tables.Reads.Total);

        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(script[1], None));

        Assert.Equal((1, 0), (Tables.Traffic.Requests - requests, Tables.Reads.Total - reads));
        Assert.Equal(before, await Tables.Tickets.GetStateAsync("T-1", None));
        Assert.Equal(2, (await Tables.Tickets.GetAsync("T-1", None))!.Ticket.History.Events.Length);
    }

    [Fact]
    public async Task A_ticket_whose_events_no_sweep_saved_yet_reads_with_no_state_and_its_first_save_adds_the_state_row_once()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        await Tables.Tickets.TryAddEventAsync(script[0], None);
        var read = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal((null, (Instant?)null), (read!.Ticket.IndexedDueAt, read.Ticket.ReassessAt));
        Assert.Null(await Tables.Tickets.GetStateAsync("T-1", None));

        Assert.True(await Tables.Tickets.TrySaveProgressAsync(read.Ticket.History, ["T-1/ticket/p1-opened/1"], At("2026-10-12 09:07:30"), read.Version, None));
        Assert.False(await Tables.Tickets.TrySaveProgressAsync(read.Ticket.History, ["T-1/first-response/warning/1"], null, read.Version, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(["T-1/ticket/p1-opened/1"], loaded!.Ticket.History.ProducedSteps);
        Assert.Equal(new TicketState(At("2026-10-12 09:07:30"), null, loaded.Version), await Tables.Tickets.GetStateAsync("T-1", None));
    }

    [Fact]
    public async Task The_same_event_again_is_a_duplicate_and_the_same_id_with_other_content_a_conflict()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");
        await Tables.Tickets.TryAddEventAsync(script[0], None);
        var version = (await Tables.Tickets.GetAsync("T-1", None))!.Version;

        Assert.Equal(AppendOutcome.Duplicate, await Tables.Tickets.TryAddEventAsync(script[0], None));
        var reused = script[1] with { EventId = script[0].EventId };
        Assert.Equal(AppendOutcome.ConflictingDuplicate, await Tables.Tickets.TryAddEventAsync(reused, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(version, loaded!.Version);
        Assert.Single(loaded.Ticket.History.Events);
    }

    [Fact]
    public async Task A_sweeps_progress_is_saved_over_the_version_read_and_refused_over_a_stale_one()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(script.History, At("2026-10-12 09:07:30")), None));
        var read = await Tables.Tickets.GetAsync("T-1", None);

        Assert.True(await Tables.Tickets.TrySaveProgressAsync(read!.Ticket.History, ["T-1/ticket/p1-opened/1"], At("2026-10-12 09:15"), read.Version, None));
        Assert.False(await Tables.Tickets.TrySaveProgressAsync(read.Ticket.History, ["T-1/first-response/warning/1"], null, read.Version, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.NotEqual(read.Version, loaded!.Version);
        Assert.Contains("T-1/ticket/p1-opened/1", loaded.Ticket.History.ProducedSteps);
        Assert.Equal((At("2026-10-12 09:15"), null), (loaded.Ticket.IndexedDueAt, loaded.Ticket.ReassessAt));
    }

    [Fact]
    public async Task Progress_saying_nothing_is_due_any_more_reads_back_as_not_indexed()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        await Tables.Tickets.TryAddEventAsync(script[0], None);
        var read = await Tables.Tickets.GetAsync("T-1", None);

        Assert.True(await Tables.Tickets.TrySaveProgressAsync(read!.Ticket.History, [], null, read.Version, None));

        Assert.Null((await Tables.Tickets.GetAsync("T-1", None))!.Ticket.IndexedDueAt);
    }

    [Fact]
    public async Task More_steps_than_one_transaction_holds_are_all_recorded()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        await Tables.Tickets.TryAddEventAsync(script[0], None);
        var read = await Tables.Tickets.GetAsync("T-1", None);
        string[] keys = [.. Enumerable.Range(0, 250).Select(i => $"T-1/update@e{i}/supervisor/1")];

        Assert.True(await Tables.Tickets.TrySaveProgressAsync(read!.Ticket.History, keys, null, read.Version, None));

        Assert.Equal(keys.Order(StringComparer.Ordinal), (await Tables.Tickets.GetAsync("T-1", None))!.Ticket.History.ProducedSteps.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Adding_a_whole_ticket_that_exists_already_is_refused()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00").History;
        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, null), None));

        Assert.False(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, At("2026-10-12 10:00")), None));

        Assert.Null((await Tables.Tickets.GetAsync("T-1", None))!.Ticket.IndexedDueAt);
    }

    [Fact]
    public async Task A_ticket_in_the_old_one_row_layout_is_moved_to_its_partition_when_read_and_by_the_migration()
    {
        var first = new TicketScript("T-old-1").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").History.MarkProduced(["T-old-1/ticket/p1-opened/1"]);
        var second = new TicketScript("T-old-2").Opened("2026-10-12 09:00", "P2").History;
        await RawTable("Tickets").AddEntityAsync(LegacyTicketRow.Write(first, At("2026-10-12 10:00")));
        await RawTable("Tickets").AddEntityAsync(LegacyTicketRow.Write(second, null));

        var read = await Tables.Tickets.GetAsync("T-old-1", None);
        Assert.Equal(TicketHistoryJson.Write(first), TicketHistoryJson.Write(read!.Ticket.History));
        Assert.Equal(At("2026-10-12 10:00"), read.Ticket.IndexedDueAt);
        Assert.Equal(1, await Tables.Tickets.MoveLegacyTicketsAsync(None));
        Assert.Equal(0, await Tables.Tickets.MoveLegacyTicketsAsync(None));

        Assert.DoesNotContain("state", await RowKeysAsync("T-old-2"));
        var state = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-old-2", "s|T-old-2")).Value;
        Assert.False(state.ContainsKey("HistoryChunks"));
        Assert.Equal(TicketHistoryJson.Write(second), TicketHistoryJson.Write((await Tables.Tickets.GetAsync("T-old-2", None))!.Ticket.History));
    }

    [Fact]
    public async Task A_one_row_ticket_that_received_an_event_before_it_was_moved_keeps_both_and_loses_the_old_row()
    {
        var old = new TicketScript("T-old").Opened("2026-10-12 09:00", "P1").History.MarkProduced(["T-old/ticket/p1-opened/1"]);
        await RawTable("Tickets").AddEntityAsync(LegacyTicketRow.Write(old, At("2026-10-12 10:00")));
        var reply = new AgentResponded("T-old-e2", "T-old", At("2026-10-12 09:05"), TicketScript.Owner);
        // The ingestion adds the event's row beside the old one-row ticket, which it does not read.
        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(reply, None));
        var expected = TicketHistoryJson.Write(old.Apply(reply));

        var listed = await Tables.Tickets.ListAllAsync(None).SingleAsync();
        Assert.Equal((expected, At("2026-10-12 10:00")), (TicketHistoryJson.Write(listed.History), listed.IndexedDueAt));
        var read = await Tables.Tickets.GetAsync("T-old", None);

        Assert.Equal(expected, TicketHistoryJson.Write(read!.Ticket.History));
        Assert.Equal((At("2026-10-12 10:00"), (Instant?)null), (read.Ticket.IndexedDueAt, read.Ticket.ReassessAt));
        Assert.DoesNotContain("state", await RowKeysAsync("T-old"));
        Assert.Equal(0, await Tables.Tickets.MoveLegacyTicketsAsync(None));
        Assert.True(await Tables.Tickets.TrySaveProgressAsync(read.Ticket.History, [], At("2026-10-12 10:00"), read.Version, None));
    }

    [Fact]
    public async Task A_ticket_with_its_state_under_the_old_shared_key_reads_as_stored_and_its_next_save_moves_it_to_its_own_key()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").History;
        await WriteWithTheOldStateKeyAsync(history, At("2026-10-12 09:50"));

        Assert.Null(await Tables.Tickets.GetStateAsync("T-1", None));
        var read = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(TicketHistoryJson.Write(history), TicketHistoryJson.Write(read!.Ticket.History));
        Assert.Equal(At("2026-10-12 09:50"), read.Ticket.IndexedDueAt);
        Assert.Equal(read.Ticket.IndexedDueAt, (await Tables.Tickets.ListAllAsync(None).SingleAsync()).IndexedDueAt);

        Assert.True(await Tables.Tickets.TrySaveProgressAsync(history, ["T-1/ticket/p1-opened/1"], At("2026-10-12 10:00"), read.Version, None));
        // A second writer that read the old row loses on its ETag.
        Assert.False(await Tables.Tickets.TrySaveProgressAsync(history, [], At("2026-10-12 11:00"), read.Version, None));

        var keys = await RowKeysAsync("T-1");
        Assert.Contains("s|T-1", keys);
        Assert.DoesNotContain("state", keys);
        var moved = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(At("2026-10-12 10:00"), moved!.Ticket.IndexedDueAt);
        Assert.Contains("T-1/ticket/p1-opened/1", moved.Ticket.History.ProducedSteps);
        Assert.Equal(new TicketState(At("2026-10-12 10:00"), null, moved.Version), await Tables.Tickets.GetStateAsync("T-1", None));
        var row = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-1", "s|T-1")).Value;
        Assert.Equal(("T-1", "P1", 1), (row.GetString("TicketId"), row.GetString("Priority"), row.GetInt32("Events")));
    }

    [Fact]
    public async Task A_save_over_the_old_state_row_moves_it_and_keeps_an_event_added_meanwhile_in_the_history()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").History;
        await WriteWithTheOldStateKeyAsync(history, At("2026-10-12 09:50"));
        var read = await Tables.Tickets.GetAsync("T-1", None);
        var reply = new AgentResponded("T-1-e2", "T-1", At("2026-10-12 09:05"), TicketScript.Owner);

        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(reply, None));
        // The event does not touch the state: its own due-index row brings the next sweep (IngestionTests).
        Assert.True(await Tables.Tickets.TrySaveProgressAsync(history, [], At("2026-10-12 10:00"), read!.Version, None));

        Assert.DoesNotContain("state", await RowKeysAsync("T-1"));
        var saved = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(TicketHistoryJson.Write(history.Apply(reply)), TicketHistoryJson.Write(saved!.Ticket.History));
        Assert.Equal((At("2026-10-12 10:00"), (Instant?)null), (saved.Ticket.IndexedDueAt, saved.Ticket.ReassessAt));
    }

    [Fact]
    public async Task Listing_every_ticket_reads_the_whole_table_in_one_pass_not_a_request_per_ticket()
    {
        var first = new TicketScript("T-1").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").History.MarkProduced(["T-1/ticket/p1-opened/1"]);
        var second = new TicketScript("T-2").Opened("2026-10-12 09:10", "P2").History;
        var legacy = new TicketScript("T-old").Opened("2026-10-12 09:20", "P3").History;
        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(first, At("2026-10-12 09:50")), None));
        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(second, null, At("2026-10-12 09:10")), None));
        await RawTable("Tickets").AddEntityAsync(LegacyTicketRow.Write(legacy, At("2026-10-12 11:00")));
        var before = Tables.Traffic.Requests;

        var listed = await Tables.Tickets.ListAllAsync(None).ToListAsync();

        Assert.Equal(1, Tables.Traffic.Requests - before);
        Assert.Equal(["T-1", "T-2", "T-old"], listed.Select(t => t.History.TicketId));
        Assert.Equal(new[] { first, second, legacy }.Select(TicketHistoryJson.Write), listed.Select(t => TicketHistoryJson.Write(t.History)));
        Assert.Equal([At("2026-10-12 09:50"), null, At("2026-10-12 11:00")], listed.Select(t => t.IndexedDueAt));
        Assert.Equal([null, At("2026-10-12 09:10"), null], listed.Select(t => t.ReassessAt));
        Assert.Equal(new[] { first, second, legacy }.Select(TicketHistoryJson.Write), await Tables.Tickets.AllHistoriesAsync(None).Select(TicketHistoryJson.Write).ToListAsync());
    }

    private async Task<List<string>> RowKeysAsync(string ticketId) =>
        await RawTable("Tickets").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ticketId}")).Select(r => r.RowKey).ToListAsync();

    /// <summary>The rows a ticket had before its state row got a key of its own: the state row under <c>state</c>.</summary>
    private async Task WriteWithTheOldStateKeyAsync(TicketHistory history, Instant indexedDueAt)
    {
        var table = RawTable("Tickets");
        foreach (var e in history.Events)
            await table.AddEntityAsync(TableTicketStore.EventRow(history.TicketId, e, TicketEventWriter.ToJson(e)));
        var state = new TableEntity(history.TicketId, "state")
        {
            ["TicketId"] = history.TicketId, ["Indexed"] = true, ["IndexedDueAt"] = indexedDueAt.ToDateTimeOffset(), ["ReassessAtTicks"] = 0L,
        };
        TicketSummaryColumns.Write(state, history);
        await table.AddEntityAsync(state);
    }

    [Fact]
    public async Task An_event_longer_than_one_column_holds_is_kept_in_chunks_and_reads_back_whole()
    {
        var opened = (TicketOpened)new TicketScript().Opened("2026-10-12 09:00")[0] with { Summary = new string('修', 40_000) };

        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(opened, None));

        var loaded = await Tables.Tickets.GetAsync("T-1", None);
        Assert.Equal(opened, loaded!.Ticket.History.Events.Single());
    }

    [Theory]
    [InlineData("T/1")]
    [InlineData(@"T\1#2?3")]
    [InlineData("工单-1 %2F")]
    public async Task Ticket_ids_with_characters_keys_forbid_are_escaped_and_read_back(string ticketId)
    {
        var history = new TicketScript(ticketId).Opened("2026-10-12 09:00").History;

        Assert.True(await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, null), None));

        var loaded = await Tables.Tickets.GetAsync(ticketId, None);
        Assert.Equal(ticketId, loaded!.Ticket.History.TicketId);
        Assert.Null(await Tables.Tickets.GetAsync(ticketId + "x", None));
    }

    [Fact]
    public async Task The_indexed_due_instant_keeps_every_tick()
    {
        var due = At("2026-10-12 09:07") + Duration.FromTicks(123_456_789);
        var history = new TicketScript().Opened("2026-10-12 09:00").History;

        await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, due), None);

        Assert.Equal(due, (await Tables.Tickets.GetAsync("T-1", None))!.Ticket.IndexedDueAt);
    }

    [Fact]
    public async Task A_row_shows_admins_priority_team_owner_and_status()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P2", team: "metro").Assigned("2026-10-12 09:03", "Wang Qiang")
            .Status("2026-10-12 09:04", TicketStatus.WaitingForCustomer).History;

        await Tables.Tickets.TryAddWholeAsync(new StoredTicket(history, null), None);

        var row = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-1", "s|T-1")).Value;
        Assert.Equal(("P2", "metro", "Wang Qiang", "WaitingForCustomer", 3),
            (row.GetString("Priority"), row.GetString("Team"), row.GetString("Owner"), row.GetString("Status"), row.GetInt32("Events")));
    }

    [Fact]
    public async Task A_stored_event_that_todays_validator_would_refuse_still_reads()
    {
        var script = new TicketScript().Opened("2026-10-12 09:00", "P1");
        Assert.Equal(AppendOutcome.Appended, await Tables.Tickets.TryAddEventAsync(script[0], None));
        var row = (await RawTable("Tickets").GetEntityAsync<TableEntity>("T-1", "e|T-1-e1")).Value;
        var json = System.Text.Json.Nodes.JsonNode.Parse(row.GetString("Event0"))!;
        // A number libphonenumber's metadata no longer takes, and an address with a display name.
        json["customer"]!["phone"] = "+861380013800";
        json["customer"]!["email"] = "Li Na <li.na@example.com>";
        row["Event0"] = json.ToJsonString();
        await RawTable("Tickets").UpdateEntityAsync(row, row.ETag);

        var loaded = await Tables.Tickets.GetAsync("T-1", None);

        var opened = Assert.IsType<TicketOpened>(Assert.Single(loaded!.Ticket.History.Events));
        Assert.Equal("+861380013800", opened.Customer.Phone);
    }
}
