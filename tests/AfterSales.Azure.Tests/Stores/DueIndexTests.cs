using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

public class DueIndexTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Reading_returns_only_rows_due_by_now_and_reads_no_later_row()
    {
        await PutAsync("T-1", "2026-10-12 09:00");
        await PutAsync("T-2", "2026-10-12 09:05");
        await PutAsync("T-3", "2026-10-12 09:05:01");
        await PutAsync("T-4", "2026-10-12 09:40");
        await PutAsync("T-5", "2026-10-12 12:00");
        Tables.Reads.Reset();

        var due = await ReadDueAsync("2026-10-12 09:05");

        Assert.Equal(["T-1 @ 2026-10-12 09:00", "T-2 @ 2026-10-12 09:05"], due);
        Assert.Equal(2, Tables.Reads.DueIndex);
    }

    [Fact]
    public async Task Rows_come_back_in_due_order_across_hours()
    {
        await PutAsync("T-late", "2026-10-12 10:59");
        await PutAsync("T-early", "2026-10-12 08:01");
        await PutAsync("T-middle", "2026-10-12 09:30");

        Assert.Equal(["T-early @ 2026-10-12 08:01", "T-middle @ 2026-10-12 09:30", "T-late @ 2026-10-12 10:59"],
            await ReadDueAsync("2026-10-12 11:00"));
    }

    [Fact]
    public async Task Putting_the_same_row_twice_keeps_one()
    {
        await PutAsync("T-1", "2026-10-12 09:00");
        await PutAsync("T-1", "2026-10-12 09:00");

        Assert.Equal(["T-1 @ 2026-10-12 09:00"], await ReadDueAsync("2026-10-12 09:30"));
    }

    [Fact]
    public async Task Removing_a_row_twice_or_one_that_never_was_is_not_an_error()
    {
        await PutAsync("T-1", "2026-10-12 09:00");
        var entry = new DueEntry("T-1", At("2026-10-12 09:00"));

        await Tables.DueIndex.RemoveAsync(entry, None);
        await Tables.DueIndex.RemoveAsync(entry, None);
        await Tables.DueIndex.RemoveAsync(new DueEntry("T-404", At("2026-10-12 09:00")), None);

        Assert.Empty(await ReadDueAsync("2026-10-12 09:30"));
    }

    [Fact]
    public async Task Removing_one_instant_of_a_ticket_keeps_its_other_rows()
    {
        await PutAsync("T-1", "2026-10-12 09:00");
        await PutAsync("T-1", "2026-10-12 09:10");

        await Tables.DueIndex.RemoveAsync(new DueEntry("T-1", At("2026-10-12 09:00")), None);

        Assert.Equal(["T-1 @ 2026-10-12 09:10"], await ReadDueAsync("2026-10-12 09:30"));
    }

    [Fact]
    public async Task A_completed_sweep_lets_later_reads_skip_the_hours_before_it()
    {
        await PutAsync("T-stale", "2026-10-12 07:30");
        await PutAsync("T-1", "2026-10-12 09:58");
        Assert.Equal(["T-stale @ 2026-10-12 07:30", "T-1 @ 2026-10-12 09:58"], await ReadDueAsync("2026-10-12 10:00"));

        await Tables.DueIndex.MarkSweptAsync(At("2026-10-12 10:00"), None);

        // The checkpoint is the hour five minutes before the sweep: 09:00–10:00 is read again, 07:30 no more.
        Assert.Equal(["T-1 @ 2026-10-12 09:58"], await ReadDueAsync("2026-10-12 10:01"));
    }

    [Fact]
    public async Task A_sweep_just_after_the_hour_still_reads_the_hour_before()
    {
        await PutAsync("T-1", "2026-10-12 08:58");

        await Tables.DueIndex.MarkSweptAsync(At("2026-10-12 09:02"), None);

        Assert.Equal(["T-1 @ 2026-10-12 08:58"], await ReadDueAsync("2026-10-12 09:03"));
    }

    [Fact]
    public async Task The_checkpoint_never_moves_back()
    {
        await PutAsync("T-old", "2026-10-12 10:30");
        await Tables.DueIndex.MarkSweptAsync(At("2026-10-12 12:00"), None);

        await Tables.DueIndex.MarkSweptAsync(At("2026-10-12 10:00"), None);

        Assert.Empty(await ReadDueAsync("2026-10-12 12:10"));
    }

    [Fact]
    public async Task A_checkpoint_ahead_of_the_clock_is_not_trusted_past_five_minutes_ago()
    {
        await Tables.DueIndex.MarkSweptAsync(At("2026-10-12 14:00"), None);
        await PutAsync("T-1", "2026-10-12 11:20");

        Assert.Equal(["T-1 @ 2026-10-12 11:20"], await ReadDueAsync("2026-10-12 11:30"));
    }

    [Fact]
    public async Task Before_any_sweep_completed_reads_look_back_one_day()
    {
        await PutAsync("T-older", "2026-10-11 08:30");
        await PutAsync("T-day", "2026-10-11 10:00");

        Assert.Equal(["T-day @ 2026-10-11 10:00"], await ReadDueAsync("2026-10-12 09:30"));
    }

    [Theory]
    [InlineData("T/1")]
    [InlineData("T_1_2")]
    [InlineData("工单#1?")]
    public async Task Ticket_ids_of_any_shape_read_back_from_the_row_key(string ticketId)
    {
        await Tables.DueIndex.PutAsync(new DueEntry(ticketId, At("2026-10-12 09:00")), None);

        var entry = Assert.Single(await ReadEntriesAsync("2026-10-12 09:00"));

        Assert.Equal(new DueEntry(ticketId, At("2026-10-12 09:00")), entry);
    }

    [Fact]
    public async Task Instants_keep_every_tick()
    {
        var due = At("2026-10-12 09:00") + Duration.FromTicks(1_234_567);
        await Tables.DueIndex.PutAsync(new DueEntry("T-1", due), None);

        Assert.Empty(await ReadEntriesAsync(due - Duration.FromTicks(1)));
        Assert.Equal([new DueEntry("T-1", due)], await ReadEntriesAsync(due));
    }

    [Fact]
    public async Task An_instant_between_ticks_is_refused_rather_than_rounded_silently()
    {
        var between = At("2026-10-12 09:00") + Duration.FromNanoseconds(50);

        await Assert.ThrowsAsync<ArgumentException>(() => Tables.DueIndex.PutAsync(new DueEntry("T-1", between), None));
    }

    [Fact]
    public async Task Putting_many_rows_in_batches_stores_each_once_across_hours_and_past_a_full_batch()
    {
        var start = At("2026-10-12 08:00");
        var entries = Enumerable.Range(0, 250)
            .Select(i => new DueEntry($"T-{i:D3}", start + Duration.FromSeconds(i * 30)))
            .Append(new DueEntry("T-000", start))
            .ToList();

        await Tables.DueIndex.PutManyAsync(entries, parallelism: 4, None);

        var due = await ReadEntriesAsync(start + Duration.FromHours(3));
        Assert.Equal(entries.Take(250), due);
    }

    [Fact]
    public async Task A_sweeps_index_changes_go_in_a_request_per_hundred_rows_of_an_hour_and_rows_already_gone_are_skipped()
    {
        var burst = At("2026-10-12 08:30");
        var swept = Enumerable.Range(0, 250).Select(i => new DueEntry($"T-{i:D3}", burst)).ToList();
        await Tables.DueIndex.PutManyAsync(swept, parallelism: 4, None);
        // Two rows another sweep removed already: a transaction naming them is refused whole, so they are left out.
        await Tables.DueIndex.RemoveAsync(swept[7], None);
        await Tables.DueIndex.RemoveAsync(swept[180], None);
        var next = swept.Select(e => e with { DueAt = At("2026-10-12 10:30") }).ToList();
        var before = Tables.Traffic.Requests;

        await Tables.DueIndex.PutThenRemoveAsync(next, swept, None);

        // Three puts and three removals of up to a hundred rows, plus one resend per transaction that named a missing row.
        Assert.Equal(3 + 3 + 2, Tables.Traffic.Requests - before);
        Assert.Equal(next, await ReadEntriesAsync(At("2026-10-12 11:00")));
    }

    [Theory]
    [InlineData("T-1", "T-1-e2")]
    [InlineData("T/1_x|2", "工单|事件_3")]
    public async Task An_ingestions_row_names_its_event_reads_back_beside_the_sweeps_row_of_the_same_instant_and_goes_on_its_own(string ticketId, string eventId)
    {
        var at = At("2026-10-12 09:00");
        DueEntry swept = new(ticketId, at), first = new(ticketId, at, eventId), second = new(ticketId, at, eventId + "b");
        await Tables.DueIndex.PutThenRemoveAsync([swept, first, second], [], None);

        Assert.Equal([swept, first, second], (await ReadEntriesAsync("2026-10-12 09:00")).OrderBy(e => e.EventId, StringComparer.Ordinal));

        await Tables.DueIndex.PutThenRemoveAsync([], [swept, first], None);

        Assert.Equal([second], await ReadEntriesAsync("2026-10-12 09:00"));
    }

    [Fact]
    public async Task Putting_then_removing_the_same_row_leaves_it_removed()
    {
        var entry = new DueEntry("T-1", At("2026-10-12 09:00"));

        await Tables.DueIndex.PutThenRemoveAsync([entry], [entry], None);

        Assert.Empty(await ReadEntriesAsync(At("2026-10-12 09:30")));
    }

    private Task PutAsync(string ticketId, string dueAt) => Tables.DueIndex.PutAsync(new DueEntry(ticketId, At(dueAt)), None);

    private async Task<List<string>> ReadDueAsync(string now) =>
        [.. (await ReadEntriesAsync(At(now))).Select(e => $"{e.TicketId} @ {Show(e.DueAt)}")];

    private Task<List<DueEntry>> ReadEntriesAsync(string now) => ReadEntriesAsync(At(now));

    private async Task<List<DueEntry>> ReadEntriesAsync(Instant now)
    {
        var entries = new List<DueEntry>();
        await foreach (var entry in Tables.DueIndex.ReadDueAsync(now, None)) entries.Add(entry);
        return entries;
    }
}
