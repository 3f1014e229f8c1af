using AfterSales.Core.Tickets;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Readable columns of a ticket row for admins browsing the table: never read back, the history is the truth.
/// Only the company's side is shown (owner name); customer details stay inside the history.
/// </summary>
internal static class TicketSummaryColumns
{
    public static void Write(TableEntity row, TicketHistory history)
    {
        var facts = new TicketFacts(history, Instant.MaxValue);
        row["TicketId"] = history.TicketId;
        row["Events"] = history.Events.Length;
        row["Status"] = facts.IsClosed ? "Closed" : facts.IsResolved ? "Resolved" : facts.Opened is null ? "AwaitingOpening" : facts.CurrentStatus.ToString();
        if (facts.Priority is { } priority) row["Priority"] = priority;
        if (facts.Opened is { } opened)
        {
            row["Team"] = opened.Team;
            row["OpenedAt"] = StoredTime.ToColumn(opened.OccurredAt);
        }
        if (facts.Owner is { } owner) row["Owner"] = owner.Name;
    }
}
