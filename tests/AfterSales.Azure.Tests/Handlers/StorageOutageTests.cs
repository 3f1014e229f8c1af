using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>
/// Storage stopped and started again in the middle of a sweep and in the middle of ingestion, on an Azurite of the
/// test's own (the shared one is never stopped): nothing lost, nothing twice, and sweeps resume once storage is back.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const string OpenedAt = "2026-10-12 09:00";
    private const string SweepAt = "2026-10-12 09:11";
    private static readonly CancellationToken None = CancellationToken.None;
    private OwnAzurite azurite = null!;
    private AfterSalesTables tables = null!;

    public async Task InitializeAsync()
    {
        azurite = await OwnAzurite.StartAsync();
        tables = AfterSalesTables.Create(azurite.Client(), "outage");
        await tables.CreateIfNotExistsAsync(None);
    }

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task Storage_stopped_mid_sweep_then_started_again_every_step_is_produced_once_and_the_next_sweep_runs_after_the_short_lease()
    {
        var service = new ServiceUnderTest(tables, OpenedAt, LadderOnly.Settings());
        var expected = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var ticket = new TicketScript($"T-{i:D2}").Opened(OpenedAt, "P1");
            await service.IngestAsync(ticket[0]);
            expected.AddRange(service.Engine.Assess(ticket.History, At(SweepAt)).DueNow.Select(s => s.Key));
        }
        service.SetTime(SweepAt);
        var swept = 0;
        // One worker, so that exactly ten tickets are done when storage stops; their old due rows are removed with the
        // round's batch, which the outage cuts off, so the resumed sweep reads them again and finds nothing due there.
        var cut = service.NewSweep(maxParallelism: 1, afterTicket: _ =>
        {
            if (++swept == 10) azurite.StopAsync().GetAwaiter().GetResult();
        });

        // The remaining tickets fail, and so does releasing the lease: the sweep ends with an error.
        await Assert.ThrowsAnyAsync<Exception>(() => cut.SweepAsync(None));
        await azurite.StartAgainAsync();

        service.SetTime("2026-10-12 09:11:10");
        Assert.True((await service.NewSweep().SweepAsync(None)).Skipped); // the cut-off sweep's lease, 30 s
        service.SetTime("2026-10-12 09:11:31");
        var resumed = await service.NewSweep().SweepAsync(None);

        Assert.Equal((false, 30, 60, 0), (resumed.Skipped, resumed.DueRows, resumed.StepsProduced, resumed.Failures));
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await service.OutboxAsync()).Select(e => e.StepKey).Order(StringComparer.Ordinal));
        var queued = new List<string>();
        while (service.Queue.TryDequeue(out var message)) queued.Add(message!.StepKey);
        Assert.Equal(expected.Order(StringComparer.Ordinal), queued.Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(await tables.Quarantine.ListAsync(None).ToListAsync());
        Assert.Equal(0, (await service.SweepAtAsync("2026-10-12 09:12")).StepsProduced);
    }

    [Fact]
    public async Task Storage_stopped_mid_ingest_then_started_again_every_event_redelivered_is_applied_once()
    {
        var service = new ServiceUnderTest(tables, "2026-10-12 12:00", LadderOnly.Settings());
        var scripts = Enumerable.Range(0, 8).Select(i => new TicketScript($"T-{i}")
            .Opened("2026-10-12 09:00").Responded("2026-10-12 09:05").CustomerReplied("2026-10-12 10:00").Responded("2026-10-12 10:30")).ToList();
        var events = scripts.SelectMany(s => s.Events).OrderBy(e => e.OccurredAt).ToList();
        var failed = new List<int>();
        Task? stopping = null;

        for (var i = 0; i < events.Count; i++)
        {
            // Storage goes away while ingestion goes on: some requests are cut in flight, the rest are refused.
            if (i == 10) stopping = azurite.StopAsync();
            try
            {
                Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(events[i])).Outcome);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                failed.Add(i);
            }
        }
        await stopping!;
        Assert.NotEmpty(failed);
        await azurite.StartAgainAsync();

        // Service Bus redelivers what failed; at-least-once delivery may bring the others again too.
        foreach (var i in failed) Assert.NotEqual(IngestOutcome.Rejected, (await service.IngestAsync(events[i])).Outcome);
        foreach (var e in events) Assert.Equal(IngestOutcome.Duplicate, (await service.IngestAsync(e)).Outcome);

        foreach (var script in scripts)
        {
            var stored = (await tables.Tickets.GetAsync(script.History.TicketId, None))!.Ticket.History;
            Assert.Equal(script.Events.Select(e => e.EventId).Order(StringComparer.Ordinal), stored.Events.Select(e => e.EventId).Order(StringComparer.Ordinal));
        }
        Assert.Empty((await tables.RejectedEvents.ListAsync(null, 10, At("2026-10-12 12:00"), At("2026-10-01 00:00"), None))!.Items);
    }
}
