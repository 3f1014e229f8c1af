using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>Checks a <see cref="CalendarDefinition"/> and turns it into lookups; every problem is an <see cref="ArgumentException"/>.</summary>
internal static class CalendarCompiler
{
    // Guards the holiday set against a mistyped year (2026-01-01..9026-01-01) expanding into millions of dates.
    private const int MaxHolidayRangeDays = 366;

    public static (DateTimeZone Zone, WorkingWeek Week) Compile(CalendarDefinition definition)
    {
        var name = definition.Name;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(definition.TimeZoneId ?? string.Empty)
            ?? throw Invalid(name, $"unknown IANA time zone id '{definition.TimeZoneId}'.");

        var byDayOfWeek = new WorkingSpan[8][];
        Array.Fill(byDayOfWeek, []);
        foreach (var (day, spans) in definition.WeeklyHours)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw Invalid(name, $"'{day}' is not a day of the week.");
            }

            byDayOfWeek[(int)day] = SortedSpans(name, day.ToString(), spans);
        }

        if (byDayOfWeek.All(spans => spans.Length == 0))
        {
            throw Invalid(name, "no working hours on any day of the week, so no deadline could ever be reached.");
        }

        var makeUpDayHours = SortedSpans(name, "make-up day", definition.MakeUpDayHours);
        if (definition.MakeUpDays.Count > 0 && makeUpDayHours.Length == 0)
        {
            throw Invalid(name, "make-up days are listed but MakeUpDayHours is empty.");
        }

        var week = new WorkingWeek(byDayOfWeek, makeUpDayHours, Holidays(name, definition.Holidays), [.. definition.MakeUpDays]);
        return (zone, week);
    }

    private static WorkingSpan[] SortedSpans(string name, string day, IReadOnlyList<WorkingSpan>? spans)
    {
        var sorted = (spans ?? []).OrderBy(WorkingWeek.StartOf).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (WorkingWeek.EndOf(sorted[i]) <= WorkingWeek.StartOf(sorted[i]))
            {
                throw Invalid(name, $"{day} span {sorted[i]} is empty (it must end after it starts).");
            }

            if (i > 0 && WorkingWeek.StartOf(sorted[i]) < WorkingWeek.EndOf(sorted[i - 1]))
            {
                throw Invalid(name, $"{day} spans {sorted[i - 1]} and {sorted[i]} overlap.");
            }
        }

        return sorted;
    }

    private static HashSet<LocalDate> Holidays(string name, IReadOnlyList<DateRange> ranges)
    {
        var dates = new HashSet<LocalDate>();
        foreach (var range in ranges)
        {
            if (range.Last < range.First)
            {
                throw Invalid(name, $"holiday range {range} ends before it starts.");
            }

            if (Period.DaysBetween(range.First, range.Last) >= MaxHolidayRangeDays)
            {
                throw Invalid(name, $"holiday range {range} is longer than {MaxHolidayRangeDays} days.");
            }

            for (var date = range.First; date <= range.Last; date = date.PlusDays(1))
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    private static ArgumentException Invalid(string name, string problem) => new($"Calendar '{name}': {problem}");
}
