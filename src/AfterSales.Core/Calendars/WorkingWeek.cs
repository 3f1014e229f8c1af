using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>
/// The validated, precomputed rules of a business calendar: which local spans are worked on a given date.
/// </summary>
/// <remarks>
/// A date listed both as a holiday and as a make-up day is worked with the make-up hours: the make-up
/// list is the more specific statement, and a make-up day exists only to be worked.
/// </remarks>
internal sealed class WorkingWeek
{
    private readonly WorkingSpan[][] _byDayOfWeek;
    private readonly WorkingSpan[] _makeUpDayHours;
    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<LocalDate> _makeUpDays;

    public WorkingWeek(
        WorkingSpan[][] byDayOfWeek,
        WorkingSpan[] makeUpDayHours,
        HashSet<LocalDate> holidays,
        HashSet<LocalDate> makeUpDays)
    {
        _byDayOfWeek = byDayOfWeek;
        _makeUpDayHours = makeUpDayHours;
        _holidays = holidays;
        _makeUpDays = makeUpDays;
        NominalWorkingDay = byDayOfWeek.Select(TotalLength).Max();
    }

    /// <summary>The longest weekday's total working time, in local (wall clock) hours.</summary>
    public Duration NominalWorkingDay { get; }

    /// <summary>The spans worked on <paramref name="date"/>, sorted by start and not overlapping.</summary>
    public ReadOnlySpan<WorkingSpan> SpansOn(LocalDate date)
    {
        if (_makeUpDays.Contains(date))
        {
            return _makeUpDayHours;
        }

        return _holidays.Contains(date) ? [] : _byDayOfWeek[(int)date.DayOfWeek];
    }

    /// <summary>Local start of a span as nanoseconds since midnight.</summary>
    public static long StartOf(WorkingSpan span) => span.Start.NanosecondOfDay;

    /// <summary>Local end of a span as nanoseconds since midnight; 24:00 when it ends at midnight.</summary>
    public static long EndOf(WorkingSpan span) => span.EndsAtMidnight ? NodaConstants.NanosecondsPerDay : span.End.NanosecondOfDay;

    private static Duration TotalLength(WorkingSpan[] spans) =>
        Duration.FromNanoseconds(spans.Sum(span => EndOf(span) - StartOf(span)));
}
