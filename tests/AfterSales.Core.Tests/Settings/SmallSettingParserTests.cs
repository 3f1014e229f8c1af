using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;

namespace AfterSales.Core.Tests.Settings;

public class SmallSettingParserTests
{
    [Theory]
    [InlineData("return", TicketCategory.Return)]
    [InlineData("inquiry", TicketCategory.Inquiry)]
    [InlineData("Complaint", TicketCategory.Complaint)]
    public void Categories_use_their_wire_names(string text, TicketCategory expected)
    {
        Assert.True(EnumSetting.TryParse<TicketCategory>(text, "category", lowerCaseNames: true, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("complain")]
    public void Enum_names_reject_numbers_and_unknown_words(string text)
    {
        Assert.False(EnumSetting.TryParse<TicketCategory>(text, "category", lowerCaseNames: true, out _, out var error));
        Assert.Equal($"'{text}' is not a category (use one of: repair, installation, complaint, return, inquiry)", error);
    }

    [Fact]
    public void Clock_names_are_shown_as_written_in_settings()
    {
        Assert.False(EnumSetting.TryParse<ClockKind>("Reply", "clock", lowerCaseNames: false, out _, out var error));
        Assert.Equal("'Reply' is not a clock (use one of: FirstResponse, Update, Resolution, Commitment, FaultReport)", error);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("-5", -5)]
    public void Integers_are_whole_numbers(string text, int expected)
    {
        Assert.True(IntegerSetting.TryParse(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("ten")]
    public void Integers_reject_other_text(string text)
    {
        Assert.False(IntegerSetting.TryParse(text, out _, out var error));
        Assert.Contains("is not a whole number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_zones_are_iana_ids()
    {
        Assert.True(TimeZoneSetting.TryParse("Asia/Shanghai", out _, out _));
        Assert.False(TimeZoneSetting.TryParse("China Standard Time", out _, out var error));
        Assert.Contains("is not an IANA time zone id", error, StringComparison.Ordinal);
    }
}
