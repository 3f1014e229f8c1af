using AfterSales.Core.Texts;

namespace AfterSales.Core.Tests.Texts;

public class CustomerPhonesTests
{
    [Theory]
    [InlineData("+8613800138000", null, "+8613800138000")]
    [InlineData("+86 138-0013-8000", null, "+8613800138000")]
    [InlineData("138 0013 8000", "CN", "+8613800138000")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("+44 20 7946 0958", "CN", "+442079460958")]
    public void A_valid_number_is_written_in_e164(string text, string? region, string expected)
    {
        Assert.True(CustomerPhones.TryNormalise(text, region, out var e164, out _));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a number")]
    [InlineData("+86 12345")]
    [InlineData("13800138000")]
    public void An_invalid_number_is_refused_without_showing_it(string text)
    {
        Assert.False(CustomerPhones.TryNormalise(text, null, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        if (text.Length > 6) Assert.DoesNotContain(text, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+8613800138000", "+86*********00")]
    [InlineData("+14155552671", "+1********71")]
    [InlineData("13800138000", "*********00")]
    [InlineData("123", "***")]
    [InlineData(null, "(none)")]
    public void A_masked_number_shows_the_country_code_and_last_two_digits_only(string? number, string expected)
    {
        Assert.Equal(expected, CustomerPhones.Mask(number));
    }

    [Theory]
    [InlineData("The 'To' number +8613912345678 is not a valid phone number", "The 'To' number +86*********78 is not a valid phone number")]
    [InlineData("To +86 139-1234-5678 refused", "To +86*********78 refused")]
    [InlineData("unreachable 13912345678", "unreachable *********78")]
    [InlineData("held until 2026-10-12 09:00 (error 21610)", "held until 2026-10-12 09:00 (error 21610)")]
    public void Numbers_in_free_text_are_masked_and_dates_and_error_codes_kept(string text, string expected)
    {
        Assert.Equal(expected, CustomerPhones.MaskNumbersIn(text));
    }
}
