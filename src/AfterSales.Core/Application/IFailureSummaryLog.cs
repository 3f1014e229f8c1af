using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>Remembers when the last failure summary went out, so that at most one goes out per interval.</summary>
public interface IFailureSummaryLog
{
    /// <summary>Claims the slot (conditionally, so two instances never both win) when the last claim is at least <paramref name="interval"/> old.</summary>
    Task<bool> TryClaimAsync(Instant now, Duration interval, CancellationToken cancellationToken);
}
