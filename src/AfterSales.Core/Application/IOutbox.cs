using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Steps waiting to be sent (by the email and text senders). Keyed by the step's deterministic key: adding a
/// step that is already there changes nothing, which makes every step at-most-once.
/// </summary>
public interface IOutbox
{
    /// <returns>The number of steps that were new.</returns>
    Task<int> AddAsync(IReadOnlyCollection<EscalationStep> steps, Instant producedAt, CancellationToken cancellationToken);
}
