using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Azure.Data.Tables;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>
/// A ticket stored before the state row got a key of its own (under <c>state</c>) keeps working: the ingestion adds the
/// event's row beside it, and the sweep that follows reads the old row as the state, produces each step once and moves
/// the state to its own key in its save. A ticket stored the new way is the yardstick.
/// </summary>
public sealed class OldStateRowKeyTests : StorageTest
{
    [Fact]
    public async Task A_ticket_stored_under_the_old_state_key_takes_an_event_is_swept_as_a_new_one_would_be_and_keeps_only_its_own_state_row()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00");
        string[] tickets = ["T-old", "T-new"];
        var produced = 0;
        foreach (var id in tickets)
            Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(new TicketScript(id).Opened("2026-10-12 09:00", "P1")[0])).Outcome);
        produced += (await service.SweepAtAsync("2026-10-12 09:00")).StepsProduced;
        await MoveStateRowToTheOldKeyAsync("T-old");
        Assert.Contains("state", await RowKeysAsync("T-old"));

        service.SetTime("2026-10-12 09:05");
        foreach (var id in tickets)
            Assert.Equal(IngestOutcome.Applied, (await service.IngestAsync(new AgentResponded(id + "-e2", id, At("2026-10-12 09:05"), TicketScript.Owner))).Outcome);
        foreach (var at in new[] { "2026-10-12 09:05", "2026-10-12 09:50", "2026-10-12 10:05", "2026-10-12 13:00", "2026-10-13 09:00" })
        {
            var report = await service.SweepAtAsync(at);
            Assert.Equal(0, report.Failures);
            produced += report.StepsProduced;
        }

        var outbox = await service.OutboxAsync();
        string[] StepsOf(string id) => [.. outbox.Where(e => e.TicketId == id).Select(e => e.StepKey.Replace(id, "T", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Contains(StepsOf("T-new"), k => k.Contains("update@", StringComparison.Ordinal));
        Assert.Equal(StepsOf("T-new"), StepsOf("T-old"));
        Assert.Equal(outbox.Count, produced);
        var old = (await service.TicketAsync("T-old"))!.Ticket;
        var yardstick = (await service.TicketAsync("T-new"))!.Ticket;
        Assert.True(old.History.HasApplied("T-old-e2"));
        Assert.Equal((yardstick.IndexedDueAt, yardstick.ReassessAt, yardstick.History.ProducedSteps.Count),
            (old.IndexedDueAt, old.ReassessAt, old.History.ProducedSteps.Count));
        // The due-index row the old state row named is one the new row does not: the sweep that reached it removed it.
        Assert.Equal(await DueRowsOfAsync("T-new"), await DueRowsOfAsync("T-old"));
        var keys = await RowKeysAsync("T-old");
        Assert.Contains("s|T-old", keys);
        Assert.DoesNotContain("state", keys);
    }

    /// <summary>Rewrites the ticket's state row as earlier versions kept it: the same columns under <c>state</c>.</summary>
    private async Task MoveStateRowToTheOldKeyAsync(string ticketId)
    {
        var table = RawTable("Tickets");
        var current = (await table.GetEntityAsync<TableEntity>(ticketId, "s|" + ticketId)).Value;
        var old = new TableEntity(ticketId, "state");
        foreach (var (column, value) in current.Where(c => c.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))) old[column] = value;
        await table.AddEntityAsync(old);
        await table.DeleteEntityAsync(ticketId, "s|" + ticketId);
    }

    private async Task<List<string>> RowKeysAsync(string ticketId) =>
        await RawTable("Tickets").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ticketId}")).Select(r => r.RowKey).ToListAsync();
}
