using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Lets one sweep run at a time. Correctness never depends on it (step keys and conditional saves make a
/// second sweep harmless); it saves the work of two instances doing the same sweep.
/// </summary>
public interface ISweepLease
{
    Task<bool> TryAcquireAsync(string owner, Instant now, Duration duration, CancellationToken cancellationToken);

    Task ReleaseAsync(string owner, CancellationToken cancellationToken);
}
