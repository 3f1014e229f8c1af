using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

public class WorkingTimeBetweenTests
{
    private static readonly BusinessCalendar Calendar = China2026;

    [Fact]
    public void Is_zero_when_the_end_is_not_after_the_start()
    {
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(China(2026, 3, 2, 10, 0), China(2026, 3, 2, 10, 0)));
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(China(2026, 3, 2, 11, 0), China(2026, 3, 2, 10, 0)));
    }

    [Fact]
    public void Counts_only_the_working_hours_of_a_day()
    {
        Assert.Equal(Duration.FromHours(9), Calendar.WorkingTimeBetween(China(2026, 3, 2, 6, 0), China(2026, 3, 2, 20, 0)));
    }

    [Fact]
    public void Counts_part_of_a_span_at_either_end()
    {
        Assert.Equal(Duration.FromHours(1), Calendar.WorkingTimeBetween(China(2026, 3, 6, 17, 0), China(2026, 3, 9, 9, 0)));
    }

    [Fact]
    public void Skips_the_national_day_holidays()
    {
        Assert.Equal(Duration.FromHours(18), Calendar.WorkingTimeBetween(China(2026, 9, 30, 0, 0), China(2026, 10, 9, 0, 0)));
    }

    [Fact]
    public void A_whole_year_counts_weekdays_minus_weekday_holidays_plus_make_up_days()
    {
        // 261 weekdays in 2026, 19 of them holidays, 6 make-up days: 248 working days of 9 h.
        Assert.Equal(Duration.FromHours(248 * 9), Calendar.WorkingTimeBetween(China(2026, 1, 1, 0, 0), China(2027, 1, 1, 0, 0)));
    }

    [Fact]
    public void Working_time_between_a_start_and_its_deadline_is_the_working_time_added()
    {
        var random = new Random(20260101);
        var yearStart = China(2026, 1, 1, 0, 0);
        for (var i = 0; i < 500; i++)
        {
            var start = yearStart + Duration.FromMinutes(random.Next(0, 366 * 24 * 60));
            var workingTime = Duration.FromMinutes(random.Next(1, 40 * 9 * 60));

            var deadline = Calendar.AddWorkingTime(start, workingTime);

            Assert.Equal(workingTime, Calendar.WorkingTimeBetween(start, deadline));
            Assert.True(Calendar.IsWorkingTime(deadline - Duration.Epsilon), $"{start} + {workingTime} = {deadline} ends outside working time");
        }
    }

    [Fact]
    public void A_deadline_is_the_earliest_instant_with_that_much_working_time_behind_it()
    {
        var random = new Random(7);
        var yearStart = China(2026, 1, 1, 0, 0);
        for (var i = 0; i < 200; i++)
        {
            var start = yearStart + Duration.FromMinutes(random.Next(0, 366 * 24 * 60));
            var workingTime = Duration.FromMinutes(random.Next(1, 20 * 9 * 60));

            var deadline = Calendar.AddWorkingTime(start, workingTime);

            Assert.Equal(workingTime - Duration.FromMinutes(1), Calendar.WorkingTimeBetween(start, deadline - Duration.FromMinutes(1)));
        }
    }
}
