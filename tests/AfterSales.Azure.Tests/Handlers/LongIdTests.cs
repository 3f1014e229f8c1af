using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>
/// The longest ids the contract accepts (64 bytes of UTF-8, every character escaped in keys) still fit every key they
/// become: on main a 480-character id ingested and then failed every sweep because its outbox key was too long.
/// </summary>
public sealed class LongIdTests : StorageTest
{
    private static readonly string TicketId = new string('工', 21) + "A";
    private static readonly string EventPrefix = new string('事', 20) + "/__";

    [Fact]
    public async Task A_ticket_and_events_with_the_longest_ids_ingest_sweep_and_reach_the_outbox()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00");
        var script = new TicketScript(TicketId);
        var opened = (TicketOpened)script.Opened("2026-10-12 09:00", "P1")[0] with { EventId = EventPrefix + "1" };
        var reply = new AgentResponded(EventPrefix + "2", TicketId, At("2026-10-12 09:05"), TicketScript.Owner);
        Assert.Equal(64, System.Text.Encoding.UTF8.GetByteCount(TicketId));
        Assert.Equal(64, System.Text.Encoding.UTF8.GetByteCount(reply.EventId));

        Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(opened)).Outcome);
        Assert.Equal(0, (await service.SweepAtAsync("2026-10-12 09:00")).Failures);
        service.SetTime("2026-10-12 09:05");
        Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(reply)).Outcome);
        foreach (var at in new[] { "2026-10-12 09:05", "2026-10-12 09:50", "2026-10-12 10:05", "2026-10-12 13:00" })
            Assert.Equal(0, (await service.SweepAtAsync(at)).Failures);

        var keys = (await service.OutboxAsync()).Select(e => e.StepKey).ToList();
        Assert.Contains(keys, k => k.Contains($"update@{reply.EventId}", StringComparison.Ordinal));
        Assert.Contains($"{TicketId}/major-incident/major-incident-duty-manager/1", keys);
        var produced = (await service.TicketAsync(TicketId))!.Ticket.History.ProducedSteps;
        Assert.All(keys, k => Assert.Contains(k, produced));
        // A warning whose breach came first, and the ladder's p1-opened the major-incident chain covers, are marked
        // produced without an outbox row (superseded).
        Assert.All(produced.Except(keys), k => Assert.True(k.Contains("/warning/", StringComparison.Ordinal) || k.EndsWith("/ticket/p1-opened/1", StringComparison.Ordinal), k));
    }
}
