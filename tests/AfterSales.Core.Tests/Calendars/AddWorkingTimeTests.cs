using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

public class AddWorkingTimeTests
{
    private static readonly BusinessCalendar Calendar = China2026;
    private static readonly Duration HalfHour = Duration.FromMinutes(30);

    [Fact]
    public void Starting_inside_working_hours_counts_from_the_start()
    {
        Assert.Equal(China(2026, 3, 2, 10, 30), Calendar.AddWorkingTime(China(2026, 3, 2, 10, 0), HalfHour));
    }

    [Fact]
    public void Starting_before_opening_counts_from_the_opening()
    {
        Assert.Equal(China(2026, 3, 2, 9, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 7, 0), HalfHour));
    }

    [Fact]
    public void Starting_after_closing_counts_from_the_next_morning()
    {
        Assert.Equal(China(2026, 3, 3, 9, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 18, 0), HalfHour));
    }

    [Fact]
    public void Starting_on_a_weekend_counts_from_monday_opening()
    {
        Assert.Equal(China(2026, 3, 9, 9, 0), Calendar.AddWorkingTime(China(2026, 3, 7, 10, 0), HalfHour));
    }

    [Fact]
    public void Starting_on_a_weekday_holiday_counts_from_the_first_day_after_the_holidays()
    {
        // Fri May 1 to Tue May 5 are Labour Day holidays; Wed May 6 is the next working day.
        Assert.Equal(China(2026, 5, 6, 9, 0), Calendar.AddWorkingTime(China(2026, 5, 1, 10, 0), HalfHour));
    }

    [Fact]
    public void Time_left_before_closing_is_used_then_the_rest_carries_to_the_next_working_day()
    {
        Assert.Equal(China(2026, 3, 3, 8, 45), Calendar.AddWorkingTime(China(2026, 3, 2, 17, 15), HalfHour));
    }

    [Fact]
    public void Adding_working_time_that_ends_exactly_at_closing_returns_closing_time()
    {
        Assert.Equal(China(2026, 3, 2, 17, 30), Calendar.AddWorkingTime(China(2026, 3, 2, 17, 0), HalfHour));
    }

    [Fact]
    public void Adding_a_full_working_day_from_opening_returns_closing_time_the_same_day()
    {
        Assert.Equal(China(2026, 3, 2, 17, 30), Calendar.AddWorkingTime(China(2026, 3, 2, 8, 30), Duration.FromHours(9)));
    }

    [Fact]
    public void Adding_zero_returns_the_start_even_outside_working_hours()
    {
        var saturday = China(2026, 3, 7, 10, 0);

        Assert.Equal(saturday, Calendar.AddWorkingTime(saturday, Duration.Zero));
    }

    [Fact]
    public void Adding_negative_working_time_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(China(2026, 3, 2, 10, 0), Duration.FromMinutes(-1)));
    }

    [Fact]
    public void Adding_24_hours_spans_several_working_days()
    {
        // Mon 10:00: 7.5 h on Monday, 9 h on Tuesday, the last 7.5 h on Wednesday from 08:30.
        Assert.Equal(China(2026, 3, 4, 16, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 10, 0), Duration.FromHours(24)));
    }

    [Fact]
    public void Adding_three_working_days_lands_at_the_same_time_three_working_days_later()
    {
        var threeDays = Calendar.NominalWorkingDay * 3;

        Assert.Equal(Duration.FromHours(27), threeDays);
        Assert.Equal(China(2026, 3, 5, 10, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 10, 0), threeDays));
    }

    [Fact]
    public void Adding_fifteen_working_days_skips_three_weekends()
    {
        Assert.Equal(China(2026, 3, 23, 10, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 10, 0), Calendar.NominalWorkingDay * 15));
    }

    [Fact]
    public void Adding_fifteen_working_days_across_spring_festival_skips_the_holidays_and_counts_make_up_saturdays()
    {
        // From Mon Feb 9: Feb 10-13, Sat Feb 14 (make-up), Feb 24-27, Sat Feb 28 (make-up), Mar 2-6.
        Assert.Equal(China(2026, 3, 6, 10, 0), Calendar.AddWorkingTime(China(2026, 2, 9, 10, 0), Calendar.NominalWorkingDay * 15));
    }

    [Fact]
    public void A_target_running_into_the_national_day_holidays_lands_after_them()
    {
        // Wed Sep 30 17:15: 15 min that day, Oct 1-7 are holidays, the other 15 min on Thu Oct 8.
        Assert.Equal(China(2026, 10, 8, 8, 45), Calendar.AddWorkingTime(China(2026, 9, 30, 17, 15), HalfHour));
    }

    [Fact]
    public void A_make_up_saturday_after_a_holiday_week_is_counted()
    {
        // Fri Oct 9 17:00: 30 min that day, then Sat Oct 10 is a make-up working day.
        Assert.Equal(China(2026, 10, 10, 10, 0), Calendar.AddWorkingTime(China(2026, 10, 9, 17, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_make_up_sunday_is_counted()
    {
        // Fri Sep 18 17:00: 30 min that day, Saturday closed, Sun Sep 20 is a make-up working day.
        Assert.Equal(China(2026, 9, 20, 9, 0), Calendar.AddWorkingTime(China(2026, 9, 18, 17, 0), Duration.FromHours(1)));
    }

    [Fact]
    public void A_make_up_sunday_right_after_new_year_holidays_is_counted()
    {
        Assert.Equal(China(2026, 1, 4, 9, 0), Calendar.AddWorkingTime(China(2026, 1, 1, 10, 0), HalfHour));
    }

    [Fact]
    public void A_target_at_year_end_continues_into_the_next_year()
    {
        // Thu Dec 31 17:00: 30 min that day; Fri Jan 1 2027 is not a configured holiday, so it is worked.
        Assert.Equal(China(2027, 1, 1, 10, 0), Calendar.AddWorkingTime(China(2026, 12, 31, 17, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_is_an_instant_in_utc()
    {
        Assert.Equal(Utc(2026, 3, 2, 2, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 9, 30), HalfHour));
    }

    [Fact]
    public void A_walk_past_ten_years_without_enough_working_time_fails_clearly()
    {
        var closedForElevenYears = China2026Definition() with
        {
            Holidays = [.. Enumerable.Range(2026, 11).Select(year => new DateRange(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)))],
            MakeUpDays = [],
        };
        var calendar = BusinessCalendar.Create(closedForElevenYears);

        var error = Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingTime(China(2026, 3, 2, 10, 0), HalfHour));
        Assert.Contains("ten years", error.Message, StringComparison.Ordinal);
    }
}
