using System.Collections.Concurrent;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>The sweep drains what is due with several workers, each ticket by one of them, in few storage requests.</summary>
public class SweepParallelismTests : StorageTest
{
    private const string OpenedAt = "2026-10-12 09:00";

    [Fact]
    public async Task A_parallel_sweep_produces_every_step_once_and_lists_each_ticket_once_at_its_next_due_instant()
    {
        var service = new ServiceUnderTest(Tables, OpenedAt, LadderOnly.Settings());
        var expected = await OpenUnansweredP1TicketsAsync(service, 40, "2026-10-12 09:11");

        service.SetTime("2026-10-12 09:11");
        var report = await service.NewSweep(maxParallelism: 8).SweepAsync(CancellationToken.None);

        Assert.Equal((40, 120, 0), (report.DueRows, report.StepsProduced, report.Failures));
        Assert.Equal(expected, (await service.OutboxAsync()).Select(e => e.StepKey).Order(StringComparer.Ordinal));
        for (var i = 0; i < 40; i++)
        {
            var ticket = (await service.TicketAsync($"T-{i:D2}"))!.Ticket;
            Assert.NotNull(ticket.IndexedDueAt);
            Assert.Equal([ticket.IndexedDueAt!.Value], await DueRowsOfAsync($"T-{i:D2}"));
        }
    }

    [Fact]
    public async Task A_ticket_with_several_due_rows_is_read_once_by_one_worker()
    {
        var service = new ServiceUnderTest(Tables, OpenedAt, LadderOnly.Settings());
        await OpenUnansweredP1TicketsAsync(service, 10, OpenedAt);
        await service.SweepAtAsync(OpenedAt); // the P1 openings; each ticket is then listed at its 09:07:30 warning
        service.SetTime("2026-10-12 09:05");
        for (var i = 0; i < 10; i++)
            await service.IngestAsync(new StatusChanged($"T-{i:D2}-2", $"T-{i:D2}", At("2026-10-12 09:05"), TicketStatus.InProgress));
        Assert.Equal([At("2026-10-12 09:05"), At("2026-10-12 09:07:30")], await DueRowsOfAsync("T-00"));

        var watched = new WatchedTickets(Tables.Tickets);
        service.SetTime("2026-10-12 09:08");
        var report = await service.NewSweep(maxParallelism: 8, tickets: watched).SweepAsync(CancellationToken.None);

        Assert.Equal((20, 10, 0), (report.DueRows, report.StepsProduced, report.Failures));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(1, watched.Reads[$"T-{i:D2}"]));
        Assert.Equal(1, watched.MostAtOnceForOneTicket);
        Assert.True(watched.MostAtOnce > 1, $"{watched.MostAtOnce} tickets at once");
    }

    [Fact]
    public async Task A_due_ticket_costs_at_most_three_storage_requests()
    {
        var service = new ServiceUnderTest(Tables, OpenedAt, LadderOnly.Settings());
        await OpenUnansweredP1TicketsAsync(service, 50, OpenedAt);
        await service.SweepAtAsync(OpenedAt);
        // What a sweep costs whatever is due: the lease, the checkpoint, the index read (give or take a checkpoint
        // write and an hour's read, which depend on where the checkpoint stood).
        var before = Tables.Traffic.Requests;
        Assert.Equal(0, (await service.SweepAtAsync("2026-10-12 09:06")).DueRows);
        var fixedCost = Tables.Traffic.Requests - before;
        before = Tables.Traffic.Requests;

        // 09:07:30: every ticket's warning is due; one read, one outbox row, one save each, and the index rows in batches.
        var report = await service.SweepAtAsync("2026-10-12 09:07:30");

        Assert.Equal((50, 50), (report.DueRows, report.StepsProduced));
        var requests = Tables.Traffic.Requests - before - fixedCost;
        // Every next row falls in one hour and every swept row in another: one batch each.
        Assert.InRange(requests, 3 * 50 - 2, 3 * 50 + 2);
    }

    [Fact]
    public async Task The_setting_must_allow_at_least_one_worker()
    {
        var service = new ServiceUnderTest(Tables, OpenedAt, LadderOnly.Settings());

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => service.NewSweep(maxParallelism: 0));

        Assert.Equal("MaxParallelism", refused.ParamName);
    }

    private static async Task<List<string>> OpenUnansweredP1TicketsAsync(ServiceUnderTest service, int count, string dueBy)
    {
        var expected = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var ticket = new TicketScript($"T-{i:D2}").Opened(OpenedAt, "P1");
            await service.IngestAsync(ticket[0]);
            expected.AddRange(service.Engine.Assess(ticket.History, At(dueBy)).DueNow.Select(s => s.Key));
        }
        return [.. expected.Order(StringComparer.Ordinal)];
    }

    /// <summary>Counts whole-ticket reads per ticket and how many run at once, holding each a little to let them overlap.</summary>
    private sealed class WatchedTickets(ITicketStore inner) : ITicketStore
    {
        private readonly ConcurrentDictionary<string, int> inFlight = new(StringComparer.Ordinal);
        private int atOnce;
        private int mostAtOnce;
        private int mostAtOnceForOneTicket;

        public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public int MostAtOnceForOneTicket => Volatile.Read(ref mostAtOnceForOneTicket);

        public async Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken)
        {
            Reads.AddOrUpdate(ticketId, 1, (_, n) => n + 1);
            var forTicket = inFlight.AddOrUpdate(ticketId, 1, (_, n) => n + 1);
            Raise(ref mostAtOnceForOneTicket, forTicket);
            Raise(ref mostAtOnce, Interlocked.Increment(ref atOnce));
            try
            {
                await Task.Delay(50, cancellationToken);
                return await inner.GetAsync(ticketId, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref atOnce);
                inFlight.AddOrUpdate(ticketId, 0, (_, n) => n - 1);
            }
        }


        public Task<AppendOutcome> TryAddEventAsync(TicketEvent ticketEvent, CancellationToken cancellationToken) =>
            inner.TryAddEventAsync(ticketEvent, cancellationToken);

        public Task<bool> TrySaveProgressAsync(
            TicketHistory history, IReadOnlyCollection<string> producedSteps, Instant? indexedDueAt, string expectedVersion, CancellationToken cancellationToken) =>
            inner.TrySaveProgressAsync(history, producedSteps, indexedDueAt, expectedVersion, cancellationToken);

        private static void Raise(ref int most, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, value, seen) != seen)
            {
            }
        }
    }
}
