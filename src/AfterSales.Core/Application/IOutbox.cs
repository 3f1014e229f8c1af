using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Steps waiting to be sent (by the email and text senders), one row per step keyed by the step's deterministic key:
/// adding a step that is already there changes nothing. Rows then move through <see cref="OutboxStatus"/> with
/// conditional updates, which makes every step at-most-once however many dispatchers run.
/// </summary>
public interface IOutbox
{
    /// <returns>The number of steps that were new.</returns>
    Task<int> AddAsync(IReadOnlyCollection<EscalationStep> steps, Instant producedAt, CancellationToken cancellationToken);

    /// <summary>The same for customer texts: one row per text, keyed by <see cref="CustomerText.Key"/>.</summary>
    /// <returns>The number of texts that were new.</returns>
    Task<int> AddTextsAsync(IReadOnlyCollection<CustomerText> texts, Instant producedAt, CancellationToken cancellationToken);

    Task<OutboxRecord?> GetAsync(string ticketId, string stepKey, CancellationToken cancellationToken);

    /// <summary>Every row of one ticket (who was already told).</summary>
    IAsyncEnumerable<OutboxRecord> ListForTicketAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>Every row in <paramref name="status"/>, across tickets.</summary>
    IAsyncEnumerable<OutboxRecord> ListByStatusAsync(string status, CancellationToken cancellationToken);

    /// <summary>Records an attempt (status <c>sending</c>) if the row is still at <paramref name="record"/>'s version and pending (or held).</summary>
    /// <returns>The claimed row; null when another dispatcher changed it first.</returns>
    Task<OutboxRecord?> TryStartAttemptAsync(OutboxRecord record, Instant now, CancellationToken cancellationToken);

    /// <summary>Records the outcome (<c>sent</c> with the provider id, or <c>failed</c> with the reason) if the row is still at <paramref name="attempt"/>'s version.</summary>
    /// <returns>False when the row changed since (another dispatcher resolved the attempt).</returns>
    Task<bool> TryCompleteAsync(OutboxRecord attempt, SendResult result, Instant now, CancellationToken cancellationToken);

    /// <summary>
    /// Ends an attempt without sending: <see cref="OutboxStatus.Held"/> (tried again from <paramref name="nextChanceAt"/>;
    /// never when null), <see cref="OutboxStatus.Suppressed"/> or <see cref="OutboxStatus.Cancelled"/>, with the reason, if the row is still at <paramref name="attempt"/>'s version.
    /// </summary>
    Task<bool> TrySetAsideAsync(OutboxRecord attempt, string status, string reason, Instant? nextChanceAt, Instant now, CancellationToken cancellationToken);

    /// <summary>
    /// Records the provider's delivery report on a <c>sent</c> text: <see cref="OutboxStatus.Delivered"/> or
    /// <see cref="OutboxStatus.Undelivered"/> with the reason, if the row is still at <paramref name="sent"/>'s version.
    /// </summary>
    /// <param name="forFailureSummary">An undelivered text nothing was done about: the failure summary lists it.</param>
    /// <returns>The row as written; null when it changed since (the report was applied already).</returns>
    Task<OutboxRecord?> TryRecordDeliveryAsync(OutboxRecord sent, string status, string? reason, bool forFailureSummary, Instant now, CancellationToken cancellationToken);

    /// <summary>Notes that the failure summary listed these failed rows.</summary>
    Task MarkFailureReportedAsync(IEnumerable<OutboxRecord> failed, CancellationToken cancellationToken);
}
