using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>
/// Working-time arithmetic on a calendar: 24x7, or business hours in a time zone with weekly hours,
/// holidays and make-up working days. Inputs and results are instants; local time exists only inside.
/// </summary>
/// <remarks>
/// <para>A local date is worked with, in order of precedence: the make-up day hours when the date is a
/// make-up day (this wins over a holiday on the same date); nothing when it is a holiday; otherwise the
/// weekly hours of its day of the week (no entry or no spans: closed).</para>
/// <para>Each span boundary is mapped to an instant on its own (see <see cref="WallClock"/>), so a span
/// across a daylight saving change has its real length: 00:00–24:00 lasts 23 h or 25 h on those days.</para>
/// <para>The walks go day by day and span by span, so their cost grows with the calendar days covered,
/// never with the number of minutes. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>How far (in calendar days, about ten years) a walk goes before it gives up.</summary>
    internal const int MaxWalkDays = 3660;

    private readonly WorkingWeek? _week;

    // Each date's spans as instants, computed once: the walks map the same few hundred dates again and again.
    // None on 24x7, which has no spans (the engine makes a 24x7 calendar for every promise it plans).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<LocalDate, (Instant Open, Instant Close)[]>? _resolved;

    private BusinessCalendar(string name, DateTimeZone zone, CalendarDefinition? definition, WorkingWeek? week)
    {
        Name = name;
        Zone = zone;
        Definition = definition;
        _week = week;
        _resolved = week is null ? null : new();
        NominalWorkingDay = week?.NominalWorkingDay ?? Duration.FromHours(24);
    }

    public const string TwentyFourSevenName = "24x7";

    public string Name { get; }
    public DateTimeZone Zone { get; }
    public bool Is24x7 => _week is null;
    public CalendarDefinition? Definition { get; }

    /// <summary>Length of one working day: 24 h on 24x7, otherwise the longest weekday's working time.</summary>
    public Duration NominalWorkingDay { get; }

    public static BusinessCalendar TwentyFourSeven(DateTimeZone? zone = null) =>
        new(TwentyFourSevenName, zone ?? DateTimeZone.Utc, null, null);

    /// <exception cref="ArgumentException">
    /// Unknown time zone id, an empty or overlapping span, no working hours on any day of the week,
    /// make-up days without make-up hours, or a reversed or over-long holiday range.
    /// </exception>
    public static BusinessCalendar Create(CalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (zone, week) = CalendarCompiler.Compile(definition);
        return new BusinessCalendar(definition.Name, zone, definition, week);
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has passed since <paramref name="start"/>.
    /// Outside working time the count begins at the next opening; using up a span exactly returns the span's end
    /// (08:30 + 9 h is 17:30 the same day). Zero returns <paramref name="start"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The deadline lies more than about ten years ahead.</exception>
    public Instant AddWorkingTime(Instant start, Duration workingTime)
    {
        if (workingTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "Working time to add must not be negative.");
        }

        if (_week is null || workingTime == Duration.Zero)
        {
            return start + workingTime;
        }

        var remaining = workingTime;
        var date = FirstDateToScan(start);
        for (var day = 0; day <= MaxWalkDays; day++, date = date.PlusDays(1))
        {
            foreach (var (open, close) in Resolved(date))
            {
                if (close <= start)
                {
                    continue;
                }

                var from = open > start ? open : start;
                var available = close - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }

        throw WalkTooLong($"adding {workingTime} of working time to {start}");
    }

    /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>); zero when to &lt;= from.</summary>
    public Duration WorkingTimeBetween(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }

        if (_week is null)
        {
            return to - from;
        }

        var total = Duration.Zero;
        var last = LocalDateOf(to).PlusDays(1);
        for (var date = FirstDateToScan(from); date <= last; date = date.PlusDays(1))
        {
            foreach (var (open, close) in Resolved(date))
            {
                var start = open > from ? open : from;
                var end = close < to ? close : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>True when some span has start &lt;= <paramref name="instant"/> &lt; end: the opening is working time, the closing is not.</summary>
    public bool IsWorkingTime(Instant instant)
    {
        if (_week is null)
        {
            return true;
        }

        var last = LocalDateOf(instant).PlusDays(1);
        for (var date = FirstDateToScan(instant); date <= last; date = date.PlusDays(1))
        {
            foreach (var (open, close) in Resolved(date))
            {
                if (open <= instant && instant < close)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The instant itself when it is working time, else the next opening.</summary>
    /// <exception cref="InvalidOperationException">No working time in about ten years.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        if (_week is null)
        {
            return instant;
        }

        var date = FirstDateToScan(instant);
        for (var day = 0; day <= MaxWalkDays; day++, date = date.PlusDays(1))
        {
            foreach (var (open, close) in Resolved(date))
            {
                if (close > instant && close > open)
                {
                    return open > instant ? open : instant;
                }
            }
        }

        throw WalkTooLong($"looking for working time after {instant}");
    }

    public override string ToString() => Name;

    private LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    // The day before, in case a transition at midnight makes a span of the previous date end after the instant.
    private LocalDate FirstDateToScan(Instant instant) => LocalDateOf(instant).PlusDays(-1);

    private (Instant Open, Instant Close)[] Resolved(LocalDate date) =>
        _resolved!.TryGetValue(date, out var known) ? known : _resolved.GetOrAdd(date, static (d, calendar) =>
        {
            var spans = calendar._week!.SpansOn(d);
            var resolved = new (Instant Open, Instant Close)[spans.Length];
            for (var i = 0; i < spans.Length; i++) resolved[i] = calendar.Resolve(d, spans[i]);
            return resolved;
        }, this);

    private (Instant Open, Instant Close) Resolve(LocalDate date, WorkingSpan span)
    {
        var open = WallClock.ToInstant(Zone, date.At(span.Start));
        var close = WallClock.ToInstant(Zone, span.EndsAtMidnight ? date.PlusDays(1).AtMidnight() : date.At(span.End));
        return (open, close);
    }

    private InvalidOperationException WalkTooLong(string what) =>
        new($"Calendar '{Name}': {what} goes past {MaxWalkDays} days (about ten years); check the holidays and working hours.");
}
