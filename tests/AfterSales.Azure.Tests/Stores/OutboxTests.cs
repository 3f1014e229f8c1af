using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Sla;
using Azure.Data.Tables;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

public class OutboxTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A P1 ticket without a reply at 09:11: opened, supervisor and duty-manager breach steps are due (the warning is superseded).</summary>
    private static IReadOnlyList<EscalationStep> DueSteps(string ticketId = "T-1") =>
        new SlaEngine(LadderOnly.Settings())
            .Assess(new TicketScript(ticketId).Opened("2026-10-12 09:00", "P1").History, At("2026-10-12 09:11")).DueNow;

    [Fact]
    public async Task Adding_the_same_steps_twice_keeps_one_row_each_and_counts_them_once()
    {
        var steps = DueSteps();
        Assert.Equal(3, steps.Count);

        Assert.Equal(3, await Tables.Outbox.AddAsync([.. steps], At("2026-10-12 09:11"), None));
        Assert.Equal(0, await Tables.Outbox.AddAsync([.. steps], At("2026-10-12 09:12"), None));

        var rows = await ListAsync();
        Assert.Equal(steps.Select(s => s.Key).Order(StringComparer.Ordinal), rows.Select(r => r.StepKey).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(("pending", At("2026-10-12 09:11")), (r.Status, r.ProducedAt)));
        Assert.All(rows, r => Assert.NotNull(r.StoredAt));
    }

    [Fact]
    public async Task Only_the_steps_not_added_before_are_counted()
    {
        var steps = DueSteps();
        await Tables.Outbox.AddAsync([steps[0], steps[1]], At("2026-10-12 09:11"), None);

        Assert.Equal(1, await Tables.Outbox.AddAsync([.. steps], At("2026-10-12 09:12"), None));
        Assert.Equal(3, (await ListAsync()).Count);
    }

    [Fact]
    public async Task A_row_keeps_everything_a_sender_needs()
    {
        var breach = DueSteps().Single(s => s.Level == "supervisor");

        await Tables.Outbox.AddAsync([breach], At("2026-10-12 09:11"), None);

        var entry = Assert.Single(await ListAsync());
        Assert.Equal(("T-1/first-response/supervisor/1", "T-1", "supervisor", "Supervisor", "metro.supervisor@example.com", At("2026-10-12 09:10")),
            (entry.StepKey, entry.TicketId, entry.Level, entry.Role, entry.Recipient, entry.DueAt));
        var row = (await RawTable("Outbox").GetEntityAsync<TableEntity>("T-1", "T-1%2Ffirst-response%2Fsupervisor%2F1")).Value;
        Assert.Equal((1, "Breach", "FirstResponse", "first-response", breach.Expectation),
            (row.GetInt32("Cycle"), row.GetString("Trigger"), row.GetString("Clock"), row.GetString("ClockId"), row.GetString("Expectation")));
        Assert.Equal((At("2026-10-12 09:10"), At("2026-10-12 09:10")),
            (StoredInstant(row, "TriggeredAt"), StoredInstant(row, "Deadline")));
    }

    [Fact]
    public async Task Steps_of_tickets_with_slashes_in_their_ids_are_kept_apart()
    {
        await Tables.Outbox.AddAsync([.. DueSteps("A/1"), .. DueSteps("A")], At("2026-10-12 09:11"), None);

        var rows = await ListAsync();
        Assert.Equal(6, rows.Count);
        Assert.Equal(3, rows.Count(r => r.TicketId == "A/1" && r.StepKey.StartsWith("A/1/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_steps_of_one_ticket_are_added_in_one_request()
    {
        var steps = DueSteps();
        var before = Tables.Traffic.Requests;

        Assert.Equal(3, await Tables.Outbox.AddAsync([.. steps], At("2026-10-12 09:11"), None));

        Assert.Equal(1, Tables.Traffic.Requests - before);
        Assert.Equal(3, (await ListAsync()).Count);
    }

    private async Task<List<OutboxEntry>> ListAsync()
    {
        var rows = new List<OutboxEntry>();
        await foreach (var row in Tables.Outbox.ListAsync(None)) rows.Add(row);
        return rows;
    }

    private static NodaTime.Instant StoredInstant(TableEntity row, string column) =>
        NodaTime.Instant.FromDateTimeOffset(row.GetDateTimeOffset(column)!.Value);
}
