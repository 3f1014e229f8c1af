using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>One outbox row as the senders and load runs see it.</summary>
/// <param name="Status"><c>pending</c> until a sender records what became of it.</param>
/// <param name="StoredAt">When the row was written (the table's Timestamp).</param>
public sealed record OutboxEntry(
    string StepKey,
    string TicketId,
    string Status,
    string Level,
    string Role,
    string? Recipient,
    Instant DueAt,
    Instant ProducedAt,
    DateTimeOffset? StoredAt);
