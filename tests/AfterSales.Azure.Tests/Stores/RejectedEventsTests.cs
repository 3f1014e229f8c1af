using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

public class RejectedEventsTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly EventRejection BadPhone = new(RejectionReason.InvalidPhone, "customer.phone", "'12345' is not an E.164 number");

    [Fact]
    public async Task A_rejected_event_reads_back_with_payload_reason_field_and_source()
    {
        var added = await Tables.RejectedEvents.AddAsync("""{"type":"TicketOpened"}""", BadPhone, "service-bus", At("2026-10-12 09:00"), None);

        var loaded = await Tables.RejectedEvents.GetAsync(added.Id, None);

        Assert.Equal(added, loaded);
        Assert.Equal(("""{"type":"TicketOpened"}""", BadPhone, "service-bus", At("2026-10-12 09:00"), null),
            (loaded!.Payload, loaded.Rejection, loaded.Source, loaded.ReceivedAt, loaded.ReplayedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData("20261012_0000000000000000001_missing")]
    [InlineData("2026101x_123")]
    public async Task An_unknown_id_reads_as_null(string id)
    {
        await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At("2026-10-12 09:00"), None);

        Assert.Null(await Tables.RejectedEvents.GetAsync(id, None));
    }

    [Fact]
    public async Task The_list_is_newest_first_across_days()
    {
        foreach (var at in new[] { "2026-10-11 10:00", "2026-10-12 09:00", "2026-10-13 07:59", "2026-10-12 23:30", "2026-10-12 09:01" })
            await Tables.RejectedEvents.AddAsync($$"""{"at":"{{at}}"}""", BadPhone, "http", At(at), None);

        var listed = await ListAsync();

        Assert.Equal(["2026-10-13 07:59", "2026-10-12 23:30", "2026-10-12 09:01", "2026-10-12 09:00", "2026-10-11 10:00"],
            listed.Select(r => Show(r.ReceivedAt)));
    }

    [Fact]
    public async Task Marking_a_rejected_event_replayed_keeps_it_listed_with_the_time()
    {
        var added = await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At("2026-10-12 09:00"), None);

        await Tables.RejectedEvents.MarkReplayedAsync(added.Id, At("2026-10-12 10:30"), None);

        var loaded = await Tables.RejectedEvents.GetAsync(added.Id, None);
        Assert.Equal(added with { ReplayedAt = At("2026-10-12 10:30") }, loaded);
        Assert.Equal(At("2026-10-12 10:30"), Assert.Single(await ListAsync()).ReplayedAt);
    }

    [Fact]
    public async Task Marking_an_unknown_event_replayed_says_so()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Tables.RejectedEvents.MarkReplayedAsync("20261012_0000000000000000001_00000000000000000000000000000000", At("2026-10-12 10:30"), None));
    }

    [Fact]
    public async Task A_payload_too_long_for_one_column_is_kept_whole_even_with_a_character_outside_the_basic_plane_on_a_chunk_edge()
    {
        var payload = new string('a', 29_999) + "😀" + string.Concat(Enumerable.Repeat("张伟😀", 8_000));

        var added = await Tables.RejectedEvents.AddAsync(payload, BadPhone, "http", At("2026-10-12 09:00"), None);

        var kept = (await Tables.RejectedEvents.GetAsync(added.Id, None))!;
        Assert.Equal((payload, false), (kept.Payload, kept.PayloadTruncated));
    }

    [Fact]
    public async Task A_payload_longer_than_an_event_may_be_is_kept_truncated_never_inside_a_surrogate_pair_with_its_length_and_hash()
    {
        var payload = new string('a', 65_535) + "😀" + new string('b', 10_000_000);

        var added = await Tables.RejectedEvents.AddAsync(payload, BadPhone, "http", At("2026-10-12 09:00"), None);

        var kept = (await Tables.RejectedEvents.GetAsync(added.Id, None))!;
        Assert.Equal((new string('a', 65_535), true), (kept.Payload, kept.PayloadTruncated));
        var bytes = System.Text.Encoding.UTF8.GetBytes(payload);
        Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))), (kept.PayloadBytes, kept.PayloadSha256));
    }

    [Fact]
    public async Task Pages_are_read_from_storage_a_page_at_a_time_newest_first_across_days_with_a_cursor_to_the_next()
    {
        foreach (var at in new[] { "2026-10-11 10:00", "2026-10-12 09:00", "2026-10-13 07:59", "2026-10-12 23:30", "2026-10-12 09:01" })
            await Tables.RejectedEvents.AddAsync(new string('x', 10_000), BadPhone, "http", At(at), None);

        var pages = new List<List<string>>();
        var requests = new List<long>();
        string? next = null;
        do
        {
            var before = Tables.Traffic.Requests;
            var page = (await Tables.RejectedEvents.ListAsync(next, 2, At("2026-10-14 12:00"), At("2026-10-01 00:00"), None))!;
            requests.Add(Tables.Traffic.Requests - before);
            pages.Add([.. page.Items.Select(r => Show(r.ReceivedAt))]);
            next = page.Next;
        }
        while (next is not null);

        Assert.Equal(
            [["2026-10-13 07:59", "2026-10-12 23:30"], ["2026-10-12 09:01", "2026-10-12 09:00"], ["2026-10-11 10:00"]],
            pages);
        // One request per day walked (today's empty partition included), never the whole table: the first page stops
        // at 2026-10-12 (UTC), whose first row shows there is more; the last walks back to the oldest kept day.
        Assert.Equal(3, requests[0]);
        Assert.Equal(2, requests[1]);
        Assert.Equal(13, requests[2]);
    }

    [Fact]
    public async Task A_cursor_whose_event_was_deleted_meanwhile_still_leads_to_the_older_events()
    {
        var newest = await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At("2026-10-12 10:00"), None);
        await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At("2026-10-12 09:00"), None);
        await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At("2026-10-11 09:00"), None);
        var first = (await Tables.RejectedEvents.ListAsync(null, 1, At("2026-10-12 12:00"), At("2026-10-01 00:00"), None))!;
        Assert.Equal(newest.Id, first.Next);
        await RawTable("RejectedEvents").DeleteEntityAsync(first.Next!.Split('_')[0], first.Next[9..]);

        var rest = (await Tables.RejectedEvents.ListAsync(first.Next, 10, At("2026-10-12 12:00"), At("2026-10-01 00:00"), None))!;

        Assert.Equal(["2026-10-12 09:00", "2026-10-11 09:00"], rest.Items.Select(r => Show(r.ReceivedAt)));
        Assert.Null(rest.Next);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("20261016_nope")]
    [InlineData("20261399_7974436771999999999_0f5c2d6c8d9c4a5e9b5b0c1f3f2e4d11")]
    [InlineData("20261016_797443677199999999_0f5c2d6c8d9c4a5e9b5b0c1f3f2e4d11")]
    public async Task A_string_that_is_not_a_cursor_of_the_list_is_refused(string after)
    {
        Assert.Null(await Tables.RejectedEvents.ListAsync(after, 10, At("2026-10-12 12:00"), At("2026-10-01 00:00"), None));
    }

    [Fact]
    public async Task The_list_holds_only_the_days_still_kept_and_the_purge_deletes_the_days_before_the_cutoff_once()
    {
        foreach (var at in new[] { "2026-10-01 10:00", "2026-10-02 07:00", "2026-10-02 09:00", "2026-10-03 09:00" })
            await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At(at), None);
        for (var i = 0; i < 120; i++)
            await Tables.RejectedEvents.AddAsync("{}", BadPhone, "http", At("2026-09-20 10:00").Plus(NodaTime.Duration.FromSeconds(i)), None);
        // Days are UTC days: 2026-10-02 07:00 in Shanghai is still 2026-10-01 in UTC, before the cutoff's day.
        var keptSince = At("2026-10-02 12:00");

        var listed = (await Tables.RejectedEvents.ListAsync(null, 500, At("2026-10-04 12:00"), keptSince, None))!.Items;
        Assert.Equal(["2026-10-03 09:00", "2026-10-02 09:00"], listed.Select(r => Show(r.ReceivedAt)));

        Assert.Equal(122, await Tables.RejectedEvents.DeleteReceivedBeforeAsync(keptSince, None));
        Assert.Equal(0, await Tables.RejectedEvents.DeleteReceivedBeforeAsync(keptSince, None));
        var all = (await Tables.RejectedEvents.ListAsync(null, 500, At("2026-10-04 12:00"), At("2026-09-01 00:00"), None))!.Items;
        Assert.Equal(["2026-10-03 09:00", "2026-10-02 09:00"], all.Select(r => Show(r.ReceivedAt)));
    }

    private async Task<IReadOnlyList<RejectedEvent>> ListAsync() =>
        (await Tables.RejectedEvents.ListAsync(null, 500, At("2026-10-20 00:00"), At("2026-01-01 00:00"), None))!.Items;
}
