using AfterSales.Azure.Tests.Support;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

public class SweepLeaseTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Duration TwoMinutes = Duration.FromMinutes(2);

    [Fact]
    public async Task While_one_owner_holds_the_lease_another_cannot_take_it()
    {
        Assert.True(await Tables.SweepLease.TryAcquireAsync("a", At("2026-10-12 09:00"), TwoMinutes, None));

        Assert.False(await Tables.SweepLease.TryAcquireAsync("b", At("2026-10-12 09:01"), TwoMinutes, None));
        Assert.True(await Tables.SweepLease.TryAcquireAsync("a", At("2026-10-12 09:01"), TwoMinutes, None));
        Assert.False(await Tables.SweepLease.TryAcquireAsync("b", At("2026-10-12 09:02:59"), TwoMinutes, None));
    }

    [Fact]
    public async Task An_expired_lease_can_be_taken_over_and_then_the_first_owner_is_out()
    {
        await Tables.SweepLease.TryAcquireAsync("a", At("2026-10-12 09:00"), TwoMinutes, None);

        Assert.True(await Tables.SweepLease.TryAcquireAsync("b", At("2026-10-12 09:02"), TwoMinutes, None));
        Assert.False(await Tables.SweepLease.TryAcquireAsync("a", At("2026-10-12 09:02:30"), TwoMinutes, None));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once()
    {
        await Tables.SweepLease.TryAcquireAsync("a", At("2026-10-12 09:00"), TwoMinutes, None);

        await Tables.SweepLease.ReleaseAsync("a", None);

        Assert.True(await Tables.SweepLease.TryAcquireAsync("b", At("2026-10-12 09:00:10"), TwoMinutes, None));
    }

    [Fact]
    public async Task Releasing_a_lease_someone_else_holds_leaves_it_alone()
    {
        await Tables.SweepLease.TryAcquireAsync("a", At("2026-10-12 09:00"), TwoMinutes, None);

        await Tables.SweepLease.ReleaseAsync("b", None);
        await Tables.SweepLease.ReleaseAsync("b", None);

        Assert.False(await Tables.SweepLease.TryAcquireAsync("b", At("2026-10-12 09:00:10"), TwoMinutes, None));
    }

    [Fact]
    public async Task Of_many_contenders_at_once_exactly_one_wins()
    {
        var attempts = Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            Tables.SweepLease.TryAcquireAsync($"owner-{i}", At("2026-10-12 09:00"), TwoMinutes, None)));

        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task Of_many_contenders_for_an_expired_lease_exactly_one_wins()
    {
        await Tables.SweepLease.TryAcquireAsync("old", At("2026-10-12 08:00"), TwoMinutes, None);

        var won = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            Tables.SweepLease.TryAcquireAsync($"owner-{i}", At("2026-10-12 09:00"), TwoMinutes, None))));

        Assert.Single(won, w => w);
    }
}
