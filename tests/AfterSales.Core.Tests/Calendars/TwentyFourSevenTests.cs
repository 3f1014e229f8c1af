using AfterSales.Core.Calendars;
using NodaTime;
using static AfterSales.Core.Tests.Calendars.TestCalendars;

namespace AfterSales.Core.Tests.Calendars;

public class TwentyFourSevenTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.TwentyFourSeven();

    [Fact]
    public void Is_named_24x7_in_utc_with_24_hour_days()
    {
        Assert.Equal(BusinessCalendar.TwentyFourSevenName, Calendar.Name);
        Assert.True(Calendar.Is24x7);
        Assert.Null(Calendar.Definition);
        Assert.Equal(DateTimeZone.Utc, Calendar.Zone);
        Assert.Equal(Duration.FromHours(24), Calendar.NominalWorkingDay);
        Assert.Equal(NewYork, BusinessCalendar.TwentyFourSeven(NewYork).Zone);
    }

    [Fact]
    public void Adding_working_time_is_plain_addition()
    {
        var saturdayNight = Utc(2026, 3, 7, 23, 50);

        Assert.Equal(Utc(2026, 3, 8, 0), Calendar.AddWorkingTime(saturdayNight, Duration.FromMinutes(10)));
        Assert.Equal(saturdayNight + Duration.FromDays(15), Calendar.AddWorkingTime(saturdayNight, Duration.FromDays(15)));
    }

    [Fact]
    public void Working_time_between_is_the_elapsed_time()
    {
        Assert.Equal(Duration.FromHours(49), Calendar.WorkingTimeBetween(Utc(2026, 10, 1, 0), Utc(2026, 10, 3, 1)));
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(Utc(2026, 10, 3, 1), Utc(2026, 10, 1, 0)));
    }

    [Fact]
    public void Every_instant_is_working_time()
    {
        var instant = Utc(2026, 10, 1, 3);

        Assert.True(Calendar.IsWorkingTime(instant));
        Assert.Equal(instant, Calendar.NextWorkingInstant(instant));
    }
}
