using AfterSales.Core.Calendars;
using NodaTime;

namespace AfterSales.Core.Tests.Calendars;

/// <summary>Calendars and local-time helpers shared by the calendar tests.</summary>
internal static class TestCalendars
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Asia/Shanghai, Mon–Fri 08:30–17:30, China 2026 public holidays and make-up working days.</summary>
    public static BusinessCalendar China2026 { get; } = BusinessCalendar.Create(China2026Definition());

    public static CalendarDefinition China2026Definition(params WorkingSpan[] dailySpans)
    {
        WorkingSpan[] spans = dailySpans.Length > 0 ? dailySpans : [Span(8, 30, 17, 30)];
        return new CalendarDefinition(
            "business",
            "Asia/Shanghai",
            Weekdays(spans),
            [
                Days(2026, 1, 1, 1, 3),
                Days(2026, 2, 15, 2, 23),
                Days(2026, 4, 4, 4, 6),
                Days(2026, 5, 1, 5, 5),
                Days(2026, 6, 19, 6, 21),
                Days(2026, 9, 25, 9, 27),
                Days(2026, 10, 1, 10, 7),
            ],
            [
                new LocalDate(2026, 1, 4),
                new LocalDate(2026, 2, 14),
                new LocalDate(2026, 2, 28),
                new LocalDate(2026, 5, 9),
                new LocalDate(2026, 9, 20),
                new LocalDate(2026, 10, 10),
            ],
            spans);
    }

    /// <summary>A calendar with the same spans on every day of the week, no holidays.</summary>
    public static BusinessCalendar EveryDay(string timeZoneId, params WorkingSpan[] spans) =>
        BusinessCalendar.Create(new CalendarDefinition(
            "every day", timeZoneId, Enum.GetValues<IsoDayOfWeek>().Skip(1).ToDictionary(day => day, _ => (IReadOnlyList<WorkingSpan>)spans), [], [], []));

    /// <summary>Mon–Fri with the given spans, no holidays.</summary>
    public static BusinessCalendar Weekdays(string timeZoneId, params WorkingSpan[] spans) =>
        BusinessCalendar.Create(new CalendarDefinition("weekdays", timeZoneId, Weekdays(spans), [], [], []));

    public static Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingSpan>> Weekdays(IReadOnlyList<WorkingSpan> spans) => new()
    {
        [IsoDayOfWeek.Monday] = spans,
        [IsoDayOfWeek.Tuesday] = spans,
        [IsoDayOfWeek.Wednesday] = spans,
        [IsoDayOfWeek.Thursday] = spans,
        [IsoDayOfWeek.Friday] = spans,
    };

    public static WorkingSpan Span(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));

    public static WorkingSpan WholeDay { get; } = new(LocalTime.Midnight, LocalTime.Midnight, EndsAtMidnight: true);

    public static DateRange Days(int year, int firstMonth, int firstDay, int lastMonth, int lastDay) =>
        new(new LocalDate(year, firstMonth, firstDay), new LocalDate(year, lastMonth, lastDay));

    /// <summary>The instant of a Shanghai wall-clock time.</summary>
    public static Instant China(int year, int month, int day, int hour, int minute = 0) =>
        Local(Shanghai, year, month, day, hour, minute);

    /// <summary>The instant of a New York wall-clock time that is neither skipped nor ambiguous.</summary>
    public static Instant Ny(int year, int month, int day, int hour, int minute = 0) =>
        Local(NewYork, year, month, day, hour, minute);

    public static Instant Local(DateTimeZone zone, int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(zone).ToInstant();

    public static Instant Utc(int year, int month, int day, int hour, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);
}
