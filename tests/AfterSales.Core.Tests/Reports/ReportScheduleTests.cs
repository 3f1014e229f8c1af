using AfterSales.Core.Reports;
using Microsoft.Extensions.Configuration;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Reports;

public sealed class ReportScheduleTests
{
    private static readonly ReportSchedule Schedule =
        new(ReportSettingsLoader.LoadWithDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));

    [Theory]
    [InlineData("2026-10-16 16:00", "2026-10-16")]
    [InlineData("2026-10-16 15:59", "2026-10-09")]
    [InlineData("2026-10-15 23:00", "2026-10-09")]
    [InlineData("2026-10-18 10:00", "2026-10-16")]
    public void The_latest_digest_is_the_last_friday_whose_16_00_in_shanghai_has_come(string now, string digestDay)
    {
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(digestDay, System.Globalization.CultureInfo.InvariantCulture)), Schedule.LatestDigestDay(At(now)));
    }

    [Fact]
    public void Friday_16_00_in_shanghai_is_08_00_utc()
    {
        Assert.Equal(Instant.FromUtc(2026, 10, 16, 8, 0), Schedule.DigestInstant(new LocalDate(2026, 10, 16)));
    }

    [Theory]
    [InlineData("2026-11-01 09:00", 2026, 10)]
    [InlineData("2026-11-01 08:59", 2026, 9)]
    [InlineData("2027-01-01 09:00", 2026, 12)]
    public void The_monthly_report_covers_the_month_before_its_first_at_09_00(string now, int year, int month)
    {
        Assert.Equal(new YearMonth(year, month), Schedule.LatestReportedMonth(At(now)));
    }

    [Fact]
    public void The_settings_name_the_key_of_each_bad_value_at_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reports:DigestDay"] = "Fri",
            ["Reports:MonthlyDay"] = "0",
            ["Reports:Recipients"] = "x",
        }).Build();

        var invalid = Assert.Throws<AfterSales.Core.Settings.SettingsValidationException>(() => ReportSettingsLoader.LoadWithDefaults(configuration));

        Assert.Equal(["Reports__DigestDay", "Reports__MonthlyDay", "Reports__Recipients"], invalid.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }
}
