using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Deletes rejected events older than <c>Events__RejectedRetention</c> (whole UTC days: an event is kept at least that
/// long). Run by the outbox recovery schedule; running it twice deletes nothing more.
/// </summary>
public sealed class RejectedEventRetention(IRejectedEvents rejectedEvents, AfterSalesSettings settings, TimeProvider time)
{
    public static readonly Duration Default = Duration.FromDays(90);
    public static readonly Duration Min = Duration.FromDays(1);

    /// <summary>The list walks the kept days one query each, so the kept span is bounded.</summary>
    public static readonly Duration Max = Duration.FromDays(366);

    /// <summary>The oldest instant whose rejected events are still kept at <paramref name="now"/>.</summary>
    public static Instant KeptSince(Instant now, Duration retention) => now - retention;

    /// <returns>How many rejected events were deleted.</returns>
    public Task<int> PurgeAsync(CancellationToken cancellationToken) =>
        rejectedEvents.DeleteReceivedBeforeAsync(KeptSince(Instant.FromDateTimeOffset(time.GetUtcNow()), settings.Events.RejectedRetention), cancellationToken);
}
