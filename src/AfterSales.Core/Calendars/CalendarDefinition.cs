using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>What an admin configures for one business calendar; <see cref="BusinessCalendar"/> does the arithmetic.</summary>
public sealed record CalendarDefinition(
    string Name,
    string TimeZoneId,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<WorkingSpan>> WeeklyHours,
    IReadOnlyList<DateRange> Holidays,
    IReadOnlyList<LocalDate> MakeUpDays,
    IReadOnlyList<WorkingSpan> MakeUpDayHours)
{
    /// <summary>The years the holidays and make-up days cover; null when the calendar does not say.</summary>
    public CoveredYears? HolidayYears { get; init; }
}
