using System.Text.Json;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using Azure.Data.Tables;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>
/// On main a ticket whose processing kept failing stayed in the due index for good and held the sweep checkpoint back
/// on every sweep; and a sweep cut off by an outage left a two-minute lease behind.
/// </summary>
public sealed class QuarantineTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_ticket_that_keeps_failing_is_quarantined_the_checkpoint_moves_on_and_a_replay_after_the_fix_sweeps_it()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        await service.IngestAsync(new TicketScript("T-good").Opened("2026-10-12 09:00", "P1")[0]);
        await service.IngestAsync(new TicketScript("T-bad").Opened("2026-10-12 09:00", "P1")[0]);
        await RawTable("Tickets").AddEntityAsync(new TableEntity("T-bad", "e|broken") { ["Event0"] = "{not json", ["EventChunks"] = 1 });
        var replay = new QuarantineReplay(Tables.Quarantine, Tables.DueIndex, service.Clock);

        var first = await SweepAsync(service, "2026-10-12 09:00");
        var second = await SweepAsync(service, "2026-10-12 09:00:15");
        Assert.Equal((1, 0, 1, 0), (first.Failures, first.Quarantined, second.Failures, second.Quarantined));
        Assert.False(await CheckpointExistsAsync());
        var third = await SweepAsync(service, "2026-10-12 09:00:30");

        Assert.Equal((0, 1), (third.Failures, third.Quarantined));
        Assert.True(await CheckpointExistsAsync());
        Assert.Empty(await DueRowsOfAsync("T-bad"));
        Assert.Equal(["T-good/ticket/p1-opened/1"], (await service.OutboxAsync()).Select(e => e.StepKey));
        var listed = Assert.Single(await Tables.Quarantine.ListAsync(None).ToListAsync());
        Assert.Equal(("T-bad", true, 3), (listed.TicketId, listed.Quarantined, listed.Failures));
        Assert.StartsWith("InvalidDataException: Stored ticket T-bad", listed.LastError, StringComparison.Ordinal);

        await RawTable("Tickets").DeleteEntityAsync("T-bad", "e|broken");
        service.SetTime("2026-10-12 09:01");
        Assert.True(await replay.ReplayAsync("T-bad", None));
        Assert.Equal([At("2026-10-12 09:01")], await DueRowsOfAsync("T-bad"));
        Assert.Equal(new SweepReport(false, 1, 1, 0), await SweepAsync(service, "2026-10-12 09:01"));

        Assert.Contains("T-bad/ticket/p1-opened/1", (await service.OutboxAsync()).Select(e => e.StepKey));
        Assert.Empty(await Tables.Quarantine.ListAsync(None).ToListAsync());
        Assert.False(await replay.ReplayAsync("T-bad", None));
    }

    [Fact]
    public async Task A_lease_left_by_a_sweep_cut_off_by_an_outage_holds_the_next_sweeps_back_for_seconds_not_minutes()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00", LadderOnly.Settings());
        await service.IngestAsync(new TicketScript().Opened("2026-10-12 09:00", "P1")[0]);
        var cutOff = service.NewSweep();
        Assert.True(await Tables.SweepLease.TryAcquireAsync("instance-cut-off", At("2026-10-12 09:00"), cutOff.LeaseDuration, None));

        Assert.True((await service.SweepAtAsync("2026-10-12 09:00:15")).Skipped);
        var after = await service.SweepAtAsync("2026-10-12 09:00:31");

        Assert.Equal(new SweepReport(false, 1, 1, 0), after);
    }

    private static Task<SweepReport> SweepAsync(ServiceUnderTest service, string at)
    {
        service.SetTime(at);
        var sweep = new DueSweep(service.Engine, service.Tables.Tickets, service.Tables.DueIndex, service.Tables.Outbox, service.Queue,
            service.Tables.SweepLease, service.Clock, quarantine: service.Tables.Quarantine) { QuarantineAfter = 3 };
        return sweep.SweepAsync(None);
    }

    private async Task<bool> CheckpointExistsAsync() =>
        (await RawTable("SweepState").GetEntityIfExistsAsync<TableEntity>("sweep", "checkpoint")).HasValue;
}
