using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>How far a calendar's holidays reach, at an instant.</summary>
/// <param name="Years">The years its holidays cover; null when the calendar does not say.</param>
/// <param name="RunsOutAt">Midnight starting the first year not covered, in the calendar's zone; null when not stated.</param>
public sealed record CalendarCoverageStatus(string Calendar, CoveredYears? Years, Instant? RunsOutAt, CoverageState State);

public enum CoverageState
{
    /// <summary>Covered beyond the notice period.</summary>
    Covered,
    /// <summary>Runs out within the notice period.</summary>
    RunningOut,
    /// <summary>Already past its last covered year: public holidays are counted as working days.</summary>
    RanOut,
    /// <summary>The calendar does not state the years its holidays cover.</summary>
    NotStated,
}

/// <summary>
/// Which calendars' holidays run out (SPEC: calendars that run out are announced, not silent). The default holidays
/// cover one year; a calendar used past its last covered year treats Spring Festival as working days. The health
/// endpoint, start-up, the admins' notice and the monthly report all ask this.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>Every business calendar (24x7 has no holidays), by name.</summary>
    public static IReadOnlyList<CalendarCoverageStatus> Of(IReadOnlyDictionary<string, BusinessCalendar> calendars, Instant now, Duration within)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        return [.. calendars.Values.Where(c => !c.Is24x7).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => StatusOf(c, now, within))];
    }

    /// <summary>The calendars whose holidays run out within <paramref name="within"/> of <paramref name="now"/>, or already have.</summary>
    public static IReadOnlyList<CalendarCoverageStatus> RunningOutWithin(IReadOnlyDictionary<string, BusinessCalendar> calendars, Instant now, Duration within) =>
        [.. Of(calendars, now, within).Where(s => s.State is CoverageState.RunningOut or CoverageState.RanOut)];

    public static CalendarCoverageStatus StatusOf(BusinessCalendar calendar, Instant now, Duration within)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.Definition?.HolidayYears is not { } years) return new(calendar.Name, null, null, CoverageState.NotStated);
        var runsOut = new LocalDate(years.Last + 1, 1, 1).AtStartOfDayInZone(calendar.Zone).ToInstant();
        var state = now >= runsOut ? CoverageState.RanOut : runsOut - now <= within ? CoverageState.RunningOut : CoverageState.Covered;
        return new(calendar.Name, years, runsOut, state);
    }
}
