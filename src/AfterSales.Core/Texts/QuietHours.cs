using NodaTime;
using NodaTime.TimeZones;

namespace AfterSales.Core.Texts;

/// <summary>
/// When texts may not reach a customer: every night from <see cref="From"/> to <see cref="Until"/> local time
/// (across midnight when From is later than Until), and all day on <see cref="Holidays"/> unless the text is about
/// a P1. A text due then is deferred to the next allowed minute, never dropped.
/// </summary>
/// <param name="Holidays">Public holidays (customer-local dates); empty for none.</param>
public sealed record QuietHours(LocalTime From, LocalTime Until, IReadOnlySet<LocalDate> Holidays)
{
    /// <summary>The default night: 21:00 to 08:00.</summary>
    public static QuietHours Night(IReadOnlySet<LocalDate>? holidays = null) =>
        new(new LocalTime(21, 0), new LocalTime(8, 0), holidays ?? new HashSet<LocalDate>());

    private static readonly ZoneLocalMappingResolver AfterGap =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public bool IsQuiet(Instant instant, DateTimeZone zone, bool isP1)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return IsQuietNight(local.TimeOfDay) || (!isP1 && Holidays.Contains(local.Date));
    }

    /// <summary>
    /// <paramref name="due"/> itself when a text may be sent then; otherwise the first instant, on a whole local
    /// minute, when it may. A quiet period that ends in a DST gap ends at the first instant after the gap.
    /// </summary>
    public Instant NextAllowed(Instant due, DateTimeZone zone, bool isP1)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var candidate = due;
        // Each pass leaves one quiet period (a night or a holiday); a year of holidays back to back is the most there can be.
        for (var pass = 0; pass < 800 && IsQuiet(candidate, zone, isP1); pass++)
        {
            var local = candidate.InZone(zone).LocalDateTime;
            var date = local.Date;
            LocalDateTime next;
            if (!isP1 && Holidays.Contains(date)) next = date.PlusDays(1).At(LocalTime.Midnight);
            else if (From > Until && local.TimeOfDay >= From) next = date.PlusDays(1).At(Until);
            else next = date.At(Until);
            candidate = zone.ResolveLocal(next, AfterGap).ToInstant();
        }

        return candidate;
    }

    private bool IsQuietNight(LocalTime time) =>
        From != Until && (From > Until ? time >= From || time < Until : time >= From && time < Until);
}
