using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

/// <summary>America/New_York, 2026: clocks go forward on Sun Mar 8 at 02:00 and back on Sun Nov 1 at 02:00.</summary>
public class DaylightSavingTests
{
    private static readonly BusinessCalendar AllDay = EveryDay("America/New_York", WholeDay);
    private static readonly BusinessCalendar OfficeHours = Weekdays("America/New_York", Span(9, 0, 17, 0));

    [Fact]
    public void A_whole_day_is_23_hours_when_clocks_go_forward()
    {
        Assert.Equal(Duration.FromHours(23), AllDay.WorkingTimeBetween(Ny(2026, 3, 8, 0), Ny(2026, 3, 9, 0)));
    }

    [Fact]
    public void A_whole_day_is_25_hours_when_clocks_go_back()
    {
        Assert.Equal(Duration.FromHours(25), AllDay.WorkingTimeBetween(Ny(2026, 11, 1, 0), Ny(2026, 11, 2, 0)));
    }

    [Fact]
    public void A_whole_year_of_whole_days_is_365_times_24_hours()
    {
        Assert.Equal(Duration.FromHours(365 * 24), AllDay.WorkingTimeBetween(Ny(2026, 1, 1, 0), Ny(2027, 1, 1, 0)));
    }

    [Fact]
    public void Adding_24_hours_of_whole_days_across_spring_forward_ends_an_hour_later_on_the_wall_clock()
    {
        Assert.Equal(Ny(2026, 3, 9, 1), AllDay.AddWorkingTime(Ny(2026, 3, 8, 0), Duration.FromHours(24)));
    }

    [Fact]
    public void Office_hours_across_spring_forward_keep_the_local_opening_time()
    {
        var deadline = OfficeHours.AddWorkingTime(Ny(2026, 3, 6, 10), Duration.FromHours(8));

        Assert.Equal(Ny(2026, 3, 9, 10), deadline);
        Assert.Equal(Utc(2026, 3, 9, 14), deadline);
        Assert.Equal(Utc(2026, 3, 9, 13), OfficeHours.NextWorkingInstant(Ny(2026, 3, 7, 12)));
    }

    [Fact]
    public void Office_hours_across_fall_back_keep_the_local_opening_time()
    {
        var deadline = OfficeHours.AddWorkingTime(Ny(2026, 10, 30, 16), Duration.FromHours(2));

        Assert.Equal(Ny(2026, 11, 2, 10), deadline);
        Assert.Equal(Utc(2026, 11, 2, 15), deadline);
    }

    [Fact]
    public void Office_days_around_a_change_are_eight_hours_each()
    {
        Assert.Equal(Duration.FromHours(16), OfficeHours.WorkingTimeBetween(Ny(2026, 3, 6, 0), Ny(2026, 3, 10, 0)));
    }

    [Fact]
    public void A_span_starting_in_the_skipped_hour_starts_when_the_clocks_resume()
    {
        var calendar = EveryDay("America/New_York", Span(2, 30, 5, 0));

        Assert.Equal(Utc(2026, 3, 8, 7), calendar.NextWorkingInstant(Ny(2026, 3, 8, 0)));
        Assert.Equal(Ny(2026, 3, 8, 3), calendar.NextWorkingInstant(Ny(2026, 3, 8, 0)));
        Assert.False(calendar.IsWorkingTime(Utc(2026, 3, 8, 7) - Duration.Epsilon));
        Assert.Equal(Duration.FromHours(2), calendar.WorkingTimeBetween(Ny(2026, 3, 8, 0), Ny(2026, 3, 9, 0)));
        Assert.Equal(Duration.FromMinutes(150), calendar.WorkingTimeBetween(Ny(2026, 3, 7, 0), Ny(2026, 3, 8, 0)));
    }

    [Fact]
    public void A_span_in_the_repeated_hour_uses_its_first_occurrence()
    {
        var calendar = EveryDay("America/New_York", Span(1, 0, 1, 30));

        Assert.Equal(Utc(2026, 11, 1, 5), calendar.NextWorkingInstant(Ny(2026, 11, 1, 0)));
        Assert.False(calendar.IsWorkingTime(Utc(2026, 11, 1, 6, 15)));
        Assert.Equal(Duration.FromMinutes(30), calendar.WorkingTimeBetween(Ny(2026, 11, 1, 0), Ny(2026, 11, 2, 0)));
    }
}
