using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

public class WorkingInstantTests
{
    private static readonly BusinessCalendar Calendar = China2026;

    [Fact]
    public void Opening_is_working_time()
    {
        Assert.True(Calendar.IsWorkingTime(China(2026, 3, 2, 8, 30)));
        Assert.False(Calendar.IsWorkingTime(China(2026, 3, 2, 8, 30) - Duration.Epsilon));
    }

    [Fact]
    public void Closing_is_not_working_time()
    {
        Assert.False(Calendar.IsWorkingTime(China(2026, 3, 2, 17, 30)));
        Assert.True(Calendar.IsWorkingTime(China(2026, 3, 2, 17, 30) - Duration.Epsilon));
    }

    [Fact]
    public void Weekends_and_holidays_are_not_working_time_but_make_up_days_are()
    {
        Assert.False(Calendar.IsWorkingTime(China(2026, 3, 7, 10, 0)));
        Assert.False(Calendar.IsWorkingTime(China(2026, 10, 5, 10, 0)));
        Assert.True(Calendar.IsWorkingTime(China(2026, 10, 10, 10, 0)));
        Assert.True(Calendar.IsWorkingTime(China(2026, 9, 20, 10, 0)));
    }

    [Fact]
    public void Next_working_instant_of_working_time_is_the_instant_itself()
    {
        var instant = China(2026, 3, 2, 10, 17);

        Assert.Equal(instant, Calendar.NextWorkingInstant(instant));
        Assert.Equal(China(2026, 3, 2, 8, 30), Calendar.NextWorkingInstant(China(2026, 3, 2, 8, 30)));
    }

    [Fact]
    public void Next_working_instant_at_closing_is_the_next_opening()
    {
        Assert.Equal(China(2026, 3, 3, 8, 30), Calendar.NextWorkingInstant(China(2026, 3, 2, 17, 30)));
        Assert.Equal(China(2026, 3, 9, 8, 30), Calendar.NextWorkingInstant(China(2026, 3, 6, 17, 30)));
    }

    [Fact]
    public void Next_working_instant_before_opening_is_that_morning()
    {
        Assert.Equal(China(2026, 3, 2, 8, 30), Calendar.NextWorkingInstant(China(2026, 3, 2, 0, 0)));
    }

    [Fact]
    public void Next_working_instant_skips_a_holiday_week()
    {
        Assert.Equal(China(2026, 10, 8, 8, 30), Calendar.NextWorkingInstant(China(2026, 9, 30, 17, 30)));
    }

    [Fact]
    public void Next_working_instant_on_a_saturday_before_a_make_up_sunday_is_sunday()
    {
        Assert.Equal(China(2026, 9, 20, 8, 30), Calendar.NextWorkingInstant(China(2026, 9, 19, 12, 0)));
    }
}
