using AfterSales.Core.Application;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// Which digests and reports went out: one row per period (a week's digest, a month's report) and audience, claimed
/// before the email is sent, so overlapping runs and retries send each at most once (a claim whose send never recorded
/// an outcome is not sent again: it may have gone out); a failed send is tried again by later runs, up to
/// <see cref="MaxAttempts"/> times. A period is marked complete once every audience is settled, so later runs read nothing else.
/// </summary>
public interface IReportLog
{
    public const int MaxAttempts = 3;

    /// <summary>Whether every audience of <paramref name="period"/> was settled.</summary>
    Task<bool> IsCompleteAsync(string period, CancellationToken cancellationToken);

    /// <returns>True when this caller may send to <paramref name="audience"/> (first claim, or a retry after a failure); false when it is settled or being sent.</returns>
    Task<bool> TryClaimAsync(string period, string audience, Instant now, CancellationToken cancellationToken);

    /// <summary>Records what the send of a claimed audience gave.</summary>
    /// <returns>True when the audience is settled: sent, or failed <see cref="MaxAttempts"/> times.</returns>
    Task<bool> FinishAsync(string period, string audience, SendResult result, Instant now, CancellationToken cancellationToken);

    Task MarkCompleteAsync(string period, Instant now, CancellationToken cancellationToken);
}
