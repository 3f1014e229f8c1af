using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using AfterSales.Core.Tests.TestSupport;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Tests.Calendars;

public class CalendarCoverageTests
{
    private static readonly Duration SixtyDays = Duration.FromDays(60);

    private static Instant Utc(string text) => InstantPattern.General.Parse(text).Value;

    [Fact]
    public void The_default_business_calendar_covers_2026_and_runs_out_at_midnight_starting_2027_in_Shanghai()
    {
        var status = Assert.Single(CalendarCoverage.Of(TestSettings.Defaults().Calendars, Utc("2026-06-01T00:00:00Z"), SixtyDays));

        Assert.Equal("Business", status.Calendar);
        Assert.Equal(new CoveredYears(2026, 2026), status.Years);
        Assert.Equal(Utc("2026-12-31T16:00:00Z"), status.RunsOutAt);
        Assert.Equal(CoverageState.Covered, status.State);
    }

    [Theory]
    [InlineData("2026-11-01T15:59:00Z", CoverageState.Covered)]
    [InlineData("2026-11-01T16:00:00Z", CoverageState.RunningOut)]
    [InlineData("2026-12-31T15:59:00Z", CoverageState.RunningOut)]
    [InlineData("2026-12-31T16:00:00Z", CoverageState.RanOut)]
    public void A_calendar_is_running_out_within_the_notice_period_and_ran_out_past_its_last_year(string now, CoverageState expected)
    {
        var calendars = TestSettings.Defaults().Calendars;

        Assert.Equal(expected, CalendarCoverage.StatusOf(calendars["Business"], Utc(now), SixtyDays).State);
        Assert.Equal(expected != CoverageState.Covered, CalendarCoverage.RunningOutWithin(calendars, Utc(now), SixtyDays).Count == 1);
    }

    [Fact]
    public void A_calendar_that_states_no_years_is_reported_as_not_stated_and_24x7_not_at_all()
    {
        var calendars = TestSettings.With(("Calendars:Business:HolidayYears", "")).Calendars;

        var status = Assert.Single(CalendarCoverage.Of(calendars, Utc("2026-12-31T00:00:00Z"), SixtyDays));

        Assert.Equal(CoverageState.NotStated, status.State);
        Assert.Empty(CalendarCoverage.RunningOutWithin(calendars, Utc("2027-06-01T00:00:00Z"), SixtyDays));
    }

    [Fact]
    public void A_range_of_years_covers_until_the_end_of_its_last_year()
    {
        var calendars = TestSettings.With(
            ("Calendars:Business:HolidayYears", "2026-2027"),
            ("Calendars:Business:Holidays", "2026-10-01..2026-10-07,2027-02-06..2027-02-13")).Calendars;

        Assert.Equal(CoverageState.Covered, CalendarCoverage.StatusOf(calendars["Business"], Utc("2026-12-31T16:00:00Z"), SixtyDays).State);
    }

    [Theory]
    [InlineData("26")]
    [InlineData("2027-2026")]
    [InlineData("1999")]
    [InlineData("next year")]
    public void A_bad_year_range_stops_start_up_naming_the_key(string value)
    {
        var rejected = Assert.Throws<SettingsValidationException>(() => TestSettings.With(("Calendars:Business:HolidayYears", value)));

        Assert.Contains(rejected.Errors, e => e.Key == "Calendars__Business__HolidayYears");
    }
}
