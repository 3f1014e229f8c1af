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

    private async Task<List<RejectedEvent>> ListAsync()
    {
        var rows = new List<RejectedEvent>();
        await foreach (var row in Tables.RejectedEvents.ListAsync(None)) rows.Add(row);
        return rows;
    }
}
