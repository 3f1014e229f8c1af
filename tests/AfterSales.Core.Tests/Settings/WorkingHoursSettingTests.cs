using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class WorkingHoursSettingTests
{
    [Fact]
    public void Reads_spans_in_order()
    {
        Assert.True(WorkingHoursSetting.TryParse("08:30-12:00, 13:30-17:30", out var spans, out var error), error);
        Assert.Equal(
            [new WorkingSpan(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingSpan(new LocalTime(13, 30), new LocalTime(17, 30))],
            spans);
    }

    [Fact]
    public void A_span_may_end_at_midnight()
    {
        Assert.True(WorkingHoursSetting.TryParse("00:00-24:00", out var spans, out _));
        Assert.Equal([new WorkingSpan(LocalTime.Midnight, LocalTime.Midnight, EndsAtMidnight: true)], spans);
    }

    [Fact]
    public void A_span_ending_at_23_59_runs_to_the_end_of_the_day()
    {
        Assert.True(WorkingHoursSetting.TryParse("08:30-23:59", out var spans, out _));
        Assert.Equal([new WorkingSpan(new LocalTime(8, 30), LocalTime.Midnight, EndsAtMidnight: true)], spans);
    }

    [Fact]
    public void Spans_may_touch()
    {
        Assert.True(WorkingHoursSetting.TryParse("08:00-12:00,12:00-18:00", out var spans, out _));
        Assert.Equal(2, spans.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("closed")]
    [InlineData("Closed")]
    public void Empty_or_closed_is_no_working_time(string text)
    {
        Assert.True(WorkingHoursSetting.TryParse(text, out var spans, out _));
        Assert.Empty(spans);
    }

    [Theory]
    [InlineData("08:30-12:00,11:00-17:30", "overlap or are out of order")]
    [InlineData("13:30-17:30,08:30-12:00", "overlap or are out of order")]
    [InlineData("00:00-24:00,08:00-09:00", "overlap or are out of order")]
    [InlineData("17:30-08:30", "is not a span of working hours")]
    [InlineData("08:30-08:30", "is not a span of working hours")]
    [InlineData("8:30-17:30", "is not a span of working hours")]
    [InlineData("08:30", "is not a span of working hours")]
    [InlineData("24:00-24:00", "is not a span of working hours")]
    [InlineData("08:30 to 17:30", "is not a span of working hours")]
    public void Rejects_bad_or_overlapping_spans(string text, string expected)
    {
        Assert.False(WorkingHoursSetting.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
