using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class DateListSettingTests
{
    [Fact]
    public void Reads_ranges_and_single_dates()
    {
        Assert.True(DateListSetting.TryParseRanges("2026-10-01..2026-10-07, 2026-12-25", out var ranges, out var error), error);
        Assert.Equal(
            [new DateRange(new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 7)), new DateRange(new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 25))],
            ranges);
    }

    [Fact]
    public void Reads_single_dates()
    {
        Assert.True(DateListSetting.TryParseDates("2026-01-04,2026-02-14", out var dates, out _));
        Assert.Equal([new LocalDate(2026, 1, 4), new LocalDate(2026, 2, 14)], dates);
    }

    [Fact]
    public void Empty_text_is_no_dates()
    {
        Assert.True(DateListSetting.TryParseRanges("", out var ranges, out _));
        Assert.Empty(ranges);
    }

    [Theory]
    [InlineData("2026-10-07..2026-10-01", "ends before it starts")]
    [InlineData("2026-10-01...2026-10-07", "is not a date or a date range")]
    [InlineData("2026-10-01..2026-10-07..2026-10-09", "is not a date or a date range")]
    [InlineData("2026-02-30", "is not a date or a date range")]
    [InlineData("01/10/2026", "is not a date or a date range")]
    [InlineData("2026-10-01-2026-10-07", "is not a date or a date range")]
    public void Rejects_bad_ranges(string text, string expected)
    {
        Assert.False(DateListSetting.TryParseRanges(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-01..2026-10-07")]
    [InlineData("tomorrow")]
    public void Make_up_days_are_single_dates(string text)
    {
        Assert.False(DateListSetting.TryParseDates(text, out _, out var error));
        Assert.Contains("is not a date", error, StringComparison.Ordinal);
    }
}
