using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

public class CalendarCreationTests
{
    [Fact]
    public void A_business_calendar_keeps_its_name_zone_and_definition()
    {
        var definition = China2026Definition();

        var calendar = BusinessCalendar.Create(definition);

        Assert.Equal("business", calendar.Name);
        Assert.Equal(Shanghai, calendar.Zone);
        Assert.False(calendar.Is24x7);
        Assert.Same(definition, calendar.Definition);
    }

    [Fact]
    public void Nominal_working_day_is_the_longest_weekday()
    {
        var definition = China2026Definition() with
        {
            WeeklyHours = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingSpan>>
            {
                [IsoDayOfWeek.Monday] = [Span(8, 30, 17, 30)],
                [IsoDayOfWeek.Friday] = [Span(8, 30, 15, 0)],
                [IsoDayOfWeek.Saturday] = [],
            },
        };

        Assert.Equal(Duration.FromHours(9), BusinessCalendar.Create(definition).NominalWorkingDay);
        Assert.Equal(Duration.FromHours(24), EveryDay("UTC", WholeDay).NominalWorkingDay);
    }

    [Fact]
    public void An_unknown_time_zone_id_is_rejected_with_the_id_in_the_message()
    {
        var error = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(China2026Definition() with { TimeZoneId = "Asia/Beijing" }));

        Assert.Contains("'Asia/Beijing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_spans_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(China2026Definition(Span(8, 30, 12, 0), Span(11, 0, 17, 30))));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Touching_spans_are_accepted()
    {
        var calendar = BusinessCalendar.Create(China2026Definition(Span(8, 30, 12, 0), Span(12, 0, 17, 30)));

        Assert.Equal(China(2026, 3, 2, 12, 30), calendar.AddWorkingTime(China(2026, 3, 2, 11, 30), Duration.FromHours(1)));
    }

    [Theory]
    [InlineData(9, 0, 9, 0)]
    [InlineData(17, 30, 8, 30)]
    public void An_empty_span_is_rejected(int startHour, int startMinute, int endHour, int endMinute)
    {
        var error = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(China2026Definition(Span(startHour, startMinute, endHour, endMinute))));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_without_working_hours_is_rejected()
    {
        var definition = China2026Definition() with
        {
            WeeklyHours = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingSpan>> { [IsoDayOfWeek.Monday] = [] },
        };

        Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(definition));
    }

    [Fact]
    public void Make_up_days_without_make_up_hours_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(China2026Definition() with { MakeUpDayHours = [] }));
    }

    [Fact]
    public void A_reversed_holiday_range_is_rejected()
    {
        var definition = China2026Definition() with { Holidays = [new DateRange(new LocalDate(2026, 10, 7), new LocalDate(2026, 10, 1))] };

        var error = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create(definition));
        Assert.Contains("2026-10-07..2026-10-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_that_is_both_holiday_and_make_up_day_is_worked()
    {
        var definition = China2026Definition() with { MakeUpDays = [new LocalDate(2026, 10, 5)] };

        Assert.True(BusinessCalendar.Create(definition).IsWorkingTime(China(2026, 10, 5, 10, 0)));
    }

    [Fact]
    public void A_make_up_day_uses_the_make_up_hours()
    {
        var definition = China2026Definition() with { MakeUpDayHours = [Span(9, 0, 12, 0)] };
        var calendar = BusinessCalendar.Create(definition);

        Assert.Equal(Duration.FromHours(3), calendar.WorkingTimeBetween(China(2026, 10, 10, 0, 0), China(2026, 10, 11, 0, 0)));
    }
}
