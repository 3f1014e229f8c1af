using AfterSales.Core.Calendars;
using NodaTime;

namespace AfterSales.Benchmarks;

/// <summary>The default business calendar: Asia/Shanghai, Mon–Fri 08:30–17:30, China 2026 holidays and make-up days.</summary>
internal static class ChinaBusinessCalendar
{
    public static BusinessCalendar Create()
    {
        WorkingSpan[] hours = [new(new LocalTime(8, 30), new LocalTime(17, 30))];
        var weekdays = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingSpan>>
        {
            [IsoDayOfWeek.Monday] = hours,
            [IsoDayOfWeek.Tuesday] = hours,
            [IsoDayOfWeek.Wednesday] = hours,
            [IsoDayOfWeek.Thursday] = hours,
            [IsoDayOfWeek.Friday] = hours,
        };

        return BusinessCalendar.Create(new CalendarDefinition(
            "business",
            "Asia/Shanghai",
            weekdays,
            [
                Days(1, 1, 1, 3),
                Days(2, 15, 2, 23),
                Days(4, 4, 4, 6),
                Days(5, 1, 5, 5),
                Days(6, 19, 6, 21),
                Days(9, 25, 9, 27),
                Days(10, 1, 10, 7),
            ],
            [
                new LocalDate(2026, 1, 4),
                new LocalDate(2026, 2, 14),
                new LocalDate(2026, 2, 28),
                new LocalDate(2026, 5, 9),
                new LocalDate(2026, 9, 20),
                new LocalDate(2026, 10, 10),
            ],
            hours));
    }

    private static DateRange Days(int firstMonth, int firstDay, int lastMonth, int lastDay) =>
        new(new LocalDate(2026, firstMonth, firstDay), new LocalDate(2026, lastMonth, lastDay));
}
