using NodaTime;
using NodaTime.TimeZones;

namespace AfterSales.Core.Calendars;

/// <summary>
/// Maps a local date/time to an instant: the first instant at which the wall clock reads that time or later.
/// An ambiguous time (clocks going back) maps to its earlier occurrence; a skipped time (clocks going
/// forward) maps to the end of the gap, e.g. 02:30 on a New York spring-forward day maps to 03:00.
/// </summary>
/// <remarks>
/// Same result as <c>zone.ResolveLocal(local, Resolver)</c>, but without the per-call allocation of
/// <see cref="ZoneLocalMapping"/>: the calendar walk converts two boundaries per span.
/// </remarks>
internal static class WallClock
{
    internal static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    // UTC offsets stay within ±18 h, so a reading more than a day away from a transition cannot belong to the
    // neighbouring zone interval.
    private static readonly Duration Reach = Duration.FromDays(1);

    public static Instant ToInstant(DateTimeZone zone, LocalDateTime local)
    {
        var wall = local.InUtc().ToInstant();
        var current = zone.GetZoneInterval(wall);

        // Zone intervals are tried oldest first, so an ambiguous reading resolves to the earlier occurrence.
        if (current.HasStart && wall < current.Start + Reach &&
            TryMap(zone.GetZoneInterval(current.Start - Duration.Epsilon), wall, out var inPrevious))
        {
            return inPrevious;
        }

        if (TryMap(current, wall, out var inCurrent))
        {
            return inCurrent;
        }

        if (current.HasEnd && wall >= current.End - Reach &&
            TryMap(zone.GetZoneInterval(current.End), wall, out var inNext))
        {
            return inNext;
        }

        // Only reachable for zone intervals shorter than the offsets involved; let NodaTime do the full search.
        return zone.ResolveLocal(local, Resolver).ToInstant();
    }

    // True when the wall reading falls in this zone interval or in the gap just before it (then: its start).
    private static bool TryMap(ZoneInterval interval, Instant wall, out Instant instant)
    {
        instant = wall - Duration.FromSeconds(interval.WallOffset.Seconds);
        if (interval.HasEnd && instant >= interval.End)
        {
            return false;
        }

        if (interval.HasStart && instant < interval.Start)
        {
            instant = interval.Start;
        }

        return true;
    }
}
