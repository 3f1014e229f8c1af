using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

public class LunchBreakTests
{
    private static readonly BusinessCalendar Calendar =
        BusinessCalendar.Create(China2026Definition(Span(13, 30, 17, 30), Span(8, 30, 12, 0)));

    [Fact]
    public void Nominal_working_day_is_the_sum_of_the_spans()
    {
        // 3.5 h in the morning, 4 h in the afternoon.
        Assert.Equal(Duration.FromMinutes(450), Calendar.NominalWorkingDay);
    }

    [Fact]
    public void Working_time_before_lunch_continues_after_lunch()
    {
        Assert.Equal(China(2026, 3, 2, 13, 45), Calendar.AddWorkingTime(China(2026, 3, 2, 11, 45), Duration.FromMinutes(30)));
    }

    [Fact]
    public void Starting_during_lunch_counts_from_the_afternoon_opening()
    {
        Assert.Equal(China(2026, 3, 2, 14, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 12, 30), Duration.FromMinutes(30)));
    }

    [Fact]
    public void Using_up_the_morning_exactly_returns_the_start_of_lunch()
    {
        Assert.Equal(China(2026, 3, 2, 12, 0), Calendar.AddWorkingTime(China(2026, 3, 2, 11, 0), Duration.FromHours(1)));
    }

    [Fact]
    public void Lunch_is_not_working_time()
    {
        Assert.True(Calendar.IsWorkingTime(China(2026, 3, 2, 11, 59)));
        Assert.False(Calendar.IsWorkingTime(China(2026, 3, 2, 12, 0)));
        Assert.False(Calendar.IsWorkingTime(China(2026, 3, 2, 13, 29)));
        Assert.True(Calendar.IsWorkingTime(China(2026, 3, 2, 13, 30)));
        Assert.Equal(China(2026, 3, 2, 13, 30), Calendar.NextWorkingInstant(China(2026, 3, 2, 12, 0)));
    }

    [Fact]
    public void A_working_day_counts_both_spans()
    {
        Assert.Equal(Duration.FromMinutes(450), Calendar.WorkingTimeBetween(China(2026, 3, 2, 0, 0), China(2026, 3, 3, 0, 0)));
    }
}
