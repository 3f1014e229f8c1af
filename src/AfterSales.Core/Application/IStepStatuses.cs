using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>What became of one produced step, as the outbox records it.</summary>
/// <param name="Status"><c>pending</c> until a sender records the outcome (sent, failed, …).</param>
/// <param name="UpdatedAt">When the outbox row last changed.</param>
public sealed record StepStatus(string StepKey, string Status, Instant ProducedAt, Instant? UpdatedAt);

/// <summary>Reads the outbox rows of one ticket, for the SLA status endpoint.</summary>
public interface IStepStatuses
{
    Task<IReadOnlyList<StepStatus>> ForTicketAsync(string ticketId, CancellationToken cancellationToken);
}
