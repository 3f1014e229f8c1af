using System.Runtime.CompilerServices;
using AfterSales.Core.Application;
using AfterSales.Core.Sla;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// One row per escalation step: PartitionKey the escaped ticket id, RowKey the escaped step key. A step is only ever
/// added, never overwritten: when its row exists already the step was produced before and is not counted, which is
/// what makes every step at-most-once however many sweeps run.
/// </summary>
public sealed class TableOutbox : IOutbox
{
    public const string PendingStatus = "pending";

    private readonly CountingTable table;

    internal TableOutbox(CountingTable table) => this.table = table;

    public async Task<int> AddAsync(IReadOnlyCollection<EscalationStep> steps, Instant producedAt, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var step in steps)
        {
            if (await table.TryAddAsync(ToRow(step, producedAt), cancellationToken).ConfigureAwait(false)) added++;
        }
        return added;
    }

    /// <summary>Every row, in key order (by ticket, then step key). For tests, load runs and admin tools.</summary>
    public async IAsyncEnumerable<OutboxEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
            yield return FromRow(row);
    }

    private static TableEntity ToRow(EscalationStep step, Instant producedAt)
    {
        var row = new TableEntity(KeyEscaping.Escape(step.TicketId), KeyEscaping.Escape(step.Key))
        {
            ["StepKey"] = step.Key,
            ["TicketId"] = step.TicketId,
            ["Status"] = PendingStatus,
            ["Cycle"] = step.Cycle,
            ["Level"] = step.Level,
            ["Trigger"] = step.Trigger.ToString(),
            ["ClockId"] = step.ClockId,
            ["Role"] = step.Role,
            ["TriggeredAt"] = StoredTime.ToColumn(step.TriggeredAt),
            ["DueAt"] = StoredTime.ToColumn(step.DueAt),
            ["Expectation"] = step.Expectation,
            ["ProducedAt"] = StoredTime.ToColumn(producedAt),
        };
        if (step.Clock is { } clock) row["Clock"] = clock.ToString();
        if (step.Recipient is { } recipient) row["Recipient"] = recipient;
        if (step.Deadline is { } deadline) row["Deadline"] = StoredTime.ToColumn(deadline);
        return row;
    }

    private static OutboxEntry FromRow(TableEntity row) => new(
        row.RequiredString("StepKey"),
        row.RequiredString("TicketId"),
        row.RequiredString("Status"),
        row.RequiredString("Level"),
        row.RequiredString("Role"),
        row.GetString("Recipient"),
        row.RequiredInstant("DueAt"),
        row.RequiredInstant("ProducedAt"),
        row.Timestamp);
}
