using NodaTime;

namespace AfterSales.Core.Events;

/// <summary>
/// How far from the service clock an event's times may be: <c>occurredAt</c> at most <see cref="MaxFutureSkew"/>
/// ahead and <see cref="MaxPastAge"/> back (a sender's default date, 0001-01-01, would fire a whole ladder at once);
/// a planned time (a visit, a promise) at most <see cref="MaxScheduleAhead"/> ahead.
/// </summary>
public sealed record EventTimeWindow(Duration MaxFutureSkew, Duration MaxPastAge, Duration MaxScheduleAhead)
{
    public static readonly Duration DefaultMaxPastAge = Duration.FromDays(365);

    public static readonly Duration DefaultMaxScheduleAhead = Duration.FromDays(365);
}
