using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>Every step exactly once, whatever happens to the sweeps: crashes, reruns, two at once.</summary>
public class SweepRobustnessTests : StorageTest
{
    private const string OpenedAt = "2026-10-12 09:00";
    private const string SweepAt = "2026-10-12 09:11";

    [Fact]
    public async Task A_sweep_that_crashes_half_way_then_runs_again_produces_every_step_exactly_once()
    {
        var (service, expected) = await ThirtyUnansweredP1TicketsAsync();
        service.SetTime(SweepAt);
        var swept = 0;
        // One worker, so that the crash comes after exactly ten tickets.
        var crashing = service.NewSweep(maxParallelism: 1, afterTicket: _ =>
        {
            if (++swept == 10) throw new InvalidOperationException("The host stopped.");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.SweepAsync(CancellationToken.None));
        Assert.Equal(30, (await service.OutboxAsync()).Count);

        var rerun = await service.NewSweep().SweepAsync(CancellationToken.None);

        // The ten swept tickets were saved, but their index changes are written at the end of a round of rows, which
        // the crash cut off: their rows are read again (30 rows) and produce nothing new.
        Assert.Equal((false, 30, 60, 0), (rerun.Skipped, rerun.DueRows, rerun.StepsProduced, rerun.Failures));
        Assert.Equal(expected, await OutboxKeysAsync(service));
        // And every ticket, the ten saved before the crash too, is listed once, at the next due instant its state names.
        await AssertEachTicketListedOnceAtItsNextDueInstantAsync(service, 30);
    }

    [Fact]
    public async Task A_parallel_sweep_that_crashes_half_way_then_runs_again_produces_every_step_exactly_once()
    {
        var (service, expected) = await ThirtyUnansweredP1TicketsAsync();
        service.SetTime(SweepAt);
        var swept = 0;
        var crashing = service.NewSweep(maxParallelism: 8, afterTicket: _ =>
        {
            if (Interlocked.Increment(ref swept) == 10) throw new InvalidOperationException("The host stopped.");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.SweepAsync(CancellationToken.None));
        // A step counts for the sweep whose save records it: the tickets the crashed sweep saved are done; a ticket
        // whose outbox rows went in but whose save the crash cut off is produced by the rerun (how many of each
        // depends on where the eight workers were).
        var savedBefore = 0;
        for (var i = 0; i < 30; i++)
            savedBefore += (await Tables.Tickets.GetAsync($"T-{i:D2}", CancellationToken.None))!.Ticket.History.ProducedSteps.Count(expected.Contains);
        var rerun = await service.NewSweep(maxParallelism: 8).SweepAsync(CancellationToken.None);

        Assert.Equal(90, savedBefore + rerun.StepsProduced);
        Assert.Equal(expected, await OutboxKeysAsync(service));
        await AssertEachTicketListedOnceAtItsNextDueInstantAsync(service, 30);
    }

    [Fact]
    public async Task After_a_sweep_crashed_between_the_outbox_and_the_ticket_save_the_rerun_reports_the_steps_it_produced()
    {
        var (service, expected) = await ThirtyUnansweredP1TicketsAsync();
        service.SetTime(SweepAt);
        var crashing = new DueSweep(service.Engine, new SaveFails(Tables.Tickets), Tables.DueIndex, Tables.Outbox, service.Queue, Tables.SweepLease, service.Clock);

        var cut = await crashing.SweepAsync(CancellationToken.None);
        Assert.Equal((30, 0, 30), (cut.DueRows, cut.StepsProduced, cut.Failures));
        Assert.Equal(expected, await OutboxKeysAsync(service)); // the rows were written before the save failed

        var rerun = await service.NewSweep().SweepAsync(CancellationToken.None);

        Assert.Equal((30, 90, 0), (rerun.DueRows, rerun.StepsProduced, rerun.Failures));
        Assert.Equal(0, (await service.NewSweep().SweepAsync(CancellationToken.None)).StepsProduced);
    }

    /// <summary>The ticket store of a process that stops right before each ticket's save.</summary>
    private sealed class SaveFails(ITicketStore inner) : ITicketStore
    {
        public Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken) => inner.GetAsync(ticketId, cancellationToken);


        public Task<AppendOutcome> TryAddEventAsync(AfterSales.Core.Events.TicketEvent ticketEvent, CancellationToken cancellationToken) =>
            inner.TryAddEventAsync(ticketEvent, cancellationToken);

        public Task<bool> TrySaveProgressAsync(
            AfterSales.Core.Tickets.TicketHistory history, IReadOnlyCollection<string> producedSteps, NodaTime.Instant? indexedDueAt, string expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The host stopped.");
    }

    [Fact]
    public async Task Two_sweeps_at_once_produce_every_step_once()
    {
        var (service, expected) = await ThirtyUnansweredP1TicketsAsync();
        service.SetTime(SweepAt);

        var reports = await Task.WhenAll(
            Task.Run(() => service.NewSweep().SweepAsync(CancellationToken.None)),
            Task.Run(() => service.NewSweep().SweepAsync(CancellationToken.None)));

        Assert.Equal(expected.Count, reports.Sum(r => r.StepsProduced));
        Assert.Equal(expected, await OutboxKeysAsync(service));
        Assert.All(reports, r => Assert.Equal(0, r.Failures));
    }

    [Fact]
    public async Task Two_sweeps_that_do_not_share_a_lease_both_run_and_still_produce_every_step_once()
    {
        var (service, expected) = await ThirtyUnansweredP1TicketsAsync();
        service.SetTime(SweepAt);
        var elsewhere = OtherTables(out _);
        await elsewhere.CreateIfNotExistsAsync(CancellationToken.None);
        try
        {
            var reports = await Task.WhenAll(
                Task.Run(() => service.NewSweep().SweepAsync(CancellationToken.None)),
                Task.Run(() => service.NewSweep(lease: elsewhere.SweepLease).SweepAsync(CancellationToken.None)));

            Assert.All(reports, r => Assert.False(r.Skipped));
            Assert.Equal(expected, await OutboxKeysAsync(service));
            Assert.Equal(expected.Count, reports.Sum(r => r.StepsProduced));
        }
        finally
        {
            await elsewhere.DeleteAllAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_sweep_while_another_holds_the_lease_is_skipped()
    {
        var (service, _) = await ThirtyUnansweredP1TicketsAsync();
        service.SetTime(SweepAt);
        await Tables.SweepLease.TryAcquireAsync("other-instance", At(SweepAt), NodaTime.Duration.FromMinutes(2), CancellationToken.None);

        var report = await service.NewSweep().SweepAsync(CancellationToken.None);

        Assert.Equal(new SweepReport(true, 0, 0, 0), report);
        Assert.Empty(await service.OutboxAsync());
    }

    [Fact]
    public async Task A_sweep_reads_the_due_rows_and_their_tickets_not_every_open_ticket()
    {
        var service = new ServiceUnderTest(Tables, OpenedAt, LadderOnly.Settings());
        var tickets = Enumerable.Range(0, 300).Select(i =>
            new TicketScript($"T-{i:D3}").Opened(OpenedAt, i % 15 == 0 ? "P1" : i % 2 == 0 ? "P2" : "P3"));
        await Parallel.ForEachAsync(tickets, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (ticket, _) => await service.IngestAsync(ticket[0]));
        // The first sweep assesses what was ingested (and sends the 20 P1 openings); after it, each ticket waits in
        // the index for its own next due instant.
        Assert.Equal(new SweepReport(false, 300, 20, 0), await service.SweepAtAsync(OpenedAt));
        Tables.Reads.Reset();

        // At 75% of the 10-minute first response: 20 P1 and 140 P2 tickets are due a warning, the 140 P3 (30 minutes) are not.
        var report = await service.SweepAtAsync("2026-10-12 09:07:30");

        Assert.Equal((160, 160), (report.DueRows, report.StepsProduced));
        Assert.Equal(160, Tables.Reads.DueIndex);
        // One partition per due ticket: its state row, its opening, and for the P1 tickets the opening's produced step.
        Assert.Equal(20 * 3 + 140 * 2, Tables.Reads.Tickets);
    }

    /// <summary>30 P1 tickets opened at 09:00 and never answered; by 09:11 each has three steps due (the warning is superseded by the breach).</summary>
    private async Task<(ServiceUnderTest Service, List<string> ExpectedKeys)> ThirtyUnansweredP1TicketsAsync()
    {
        var service = new ServiceUnderTest(Tables, OpenedAt, LadderOnly.Settings());
        var expected = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var ticket = new TicketScript($"T-{i:D2}").Opened(OpenedAt, "P1");
            await service.IngestAsync(ticket[0]);
            expected.AddRange(service.Engine.Assess(ticket.History, At(SweepAt)).DueNow.Select(s => s.Key));
        }
        Assert.Equal(90, expected.Count);
        return (service, [.. expected.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every due-index row up to a day later: one per ticket, at the instant its state row names.</summary>
    private async Task AssertEachTicketListedOnceAtItsNextDueInstantAsync(ServiceUnderTest service, int tickets)
    {
        var rows = new List<DueEntry>();
        await foreach (var row in Tables.DueIndex.ReadDueAsync(At(SweepAt) + NodaTime.Duration.FromDays(1), CancellationToken.None)) rows.Add(row);
        Assert.Equal(tickets, rows.Select(r => r.TicketId).Distinct().Count());
        Assert.Equal(tickets, rows.Count);
        foreach (var row in rows)
            Assert.Equal((await service.TicketAsync(row.TicketId))!.Ticket.IndexedDueAt, row.DueAt);
    }

    private static async Task<List<string>> OutboxKeysAsync(ServiceUnderTest service) =>
        [.. (await service.OutboxAsync()).Select(e => e.StepKey).Order(StringComparer.Ordinal)];
}
