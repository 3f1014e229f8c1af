using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Tests.Revisits;

public class RevisitScheduleTests
{
    private static readonly RevisitSettings Defaults = Load();

    private static RevisitSettings Load(params (string Key, string? Value)[] overrides) =>
        RevisitSettingsLoader.LoadWithDefaults(new ConfigurationBuilder()
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value))).Build());

    private static string[] Show(IEnumerable<LocalDate> dates) => [.. dates.Select(d => d.ToString("yyyy-MM-dd", null))];

    [Fact]
    public void Defaults_are_monthly_for_a_year_then_quarterly_for_five_years_at_nine()
    {
        Assert.Equal(new RevisitSettings(12, 1, 3, 60, new LocalTime(9, 0)), Defaults);
    }

    [Fact]
    public void A_delivery_on_january_31_is_revisited_on_the_last_day_of_short_months_without_drifting()
    {
        var dates = RevisitSchedule.Dates(new LocalDate(2026, 1, 31), null, Defaults);

        Assert.Equal(
            ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30",
             "2026-10-31", "2026-11-30", "2026-12-31", "2027-01-31", "2027-04-30", "2027-07-31", "2027-10-31", "2028-01-31"],
            Show(dates.Take(16)));
    }

    [Fact]
    public void A_february_29_delivery_keeps_its_anchor_over_three_years()
    {
        var dates = RevisitSchedule.Dates(new LocalDate(2028, 2, 29), new LocalDate(2031, 3, 1), Defaults);

        Assert.Equal(
            ["2028-03-29", "2028-04-29", "2028-05-29", "2028-06-29", "2028-07-29", "2028-08-29", "2028-09-29", "2028-10-29",
             "2028-11-29", "2028-12-29", "2029-01-29", "2029-02-28", "2029-05-29", "2029-08-29", "2029-11-29", "2030-02-28",
             "2030-05-29", "2030-08-29", "2030-11-29", "2031-02-28"],
            Show(dates));
    }

    [Fact]
    public void The_programme_ends_at_the_contract_end_or_the_horizon()
    {
        Assert.Equal(["2026-02-15", "2026-03-15"], Show(RevisitSchedule.Dates(new LocalDate(2026, 1, 15), new LocalDate(2026, 3, 15), Defaults)));
        var all = RevisitSchedule.Dates(new LocalDate(2026, 1, 15), null, Defaults);
        Assert.Equal((28, "2031-01-15"), (all.Count, all[^1].ToString("yyyy-MM-dd", null)));
    }

    [Fact]
    public void Intervals_and_horizon_are_settings()
    {
        var settings = Load(("Revisits:EarlyMonths", "6"), ("Revisits:EarlyEvery", "2"), ("Revisits:LaterEvery", "6"), ("Revisits:HorizonMonths", "24"));

        Assert.Equal(["2026-03-10", "2026-05-10", "2026-07-10", "2027-01-10", "2027-07-10", "2028-01-10"],
            Show(RevisitSchedule.Dates(new LocalDate(2026, 1, 10), null, settings)));
    }

    [Fact]
    public void A_revisit_is_due_on_its_date_only()
    {
        Assert.True(RevisitSchedule.IsDueOn(new LocalDate(2026, 2, 28), new LocalDate(2026, 1, 31), null, Defaults));
        Assert.False(RevisitSchedule.IsDueOn(new LocalDate(2026, 3, 1), new LocalDate(2026, 1, 31), null, Defaults));
    }

    [Theory]
    [InlineData("Revisits:EarlyEvery", "0", "Revisits__EarlyEvery", "from 1 to 1200")]
    [InlineData("Revisits:LaterEvery", "P3M", "Revisits__LaterEvery", "is not a whole number")]
    [InlineData("Revisits:SendAt", "9am", "Revisits__SendAt", "is not a local time")]
    [InlineData("Revisits:Every", "1", "Revisits__Every", "unknown setting")]
    public void A_bad_setting_names_its_key(string key, string value, string expectedKey, string expected)
    {
        var error = Assert.Single(Assert.Throws<SettingsValidationException>(() => Load((key, value))).Errors);

        Assert.Equal(expectedKey, error.Key);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
