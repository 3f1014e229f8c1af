using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace AfterSales.Core.Texts;

/// <summary>Phone numbers validated and written in E.164 (libphonenumber), and masked for logs.</summary>
public static partial class CustomerPhones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 spelling of a valid number however it was written (<c>138 0013 8000</c> with region CN, <c>+86 138-0013-8000</c>).</summary>
    /// <param name="defaultRegion">ISO 3166 region for numbers written without a country code (CN); null to require one.</param>
    public static bool TryNormalise(string? text, string? defaultRegion, [NotNullWhen(true)] out string? e164, [NotNullWhen(false)] out string? error)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no phone number";
            return false;
        }

        try
        {
            var number = Util.Parse(text, defaultRegion);
            if (Util.IsValidNumber(number))
            {
                e164 = Util.Format(number, PhoneNumberFormat.E164);
                error = null;
                return true;
            }
        }
        catch (NumberParseException)
        {
            // Reported below, without the number.
        }

        error = $"{Mask(text)} is not a valid phone number";
        return false;
    }

    /// <summary>
    /// A number as logs may show it: the country code and the last two digits, every other digit hidden
    /// (<c>+86*********00</c>). Enough to tell two numbers apart in a trace, not to call anyone.
    /// </summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number)) return "(none)";
        var digits = number.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length <= 4) return new string('*', digits.Length);
        var countryLength = 0;
        if (number.TrimStart().StartsWith('+'))
        {
            try
            {
                countryLength = Util.Parse(number, null).CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            }
            catch (NumberParseException)
            {
                countryLength = 0;
            }
        }

        var shown = new string(digits[..countryLength]);
        return (countryLength > 0 ? "+" + shown : "") + new string('*', digits.Length - countryLength - 2) + new string(digits[^2..]);
    }

    /// <summary>
    /// <paramref name="text"/> with every number that may be a phone number masked as <see cref="Mask"/> does: a
    /// <c>+</c> and digits (spaces and dashes between them included), or seven digits or more in a row. For free text
    /// such as a provider's error message; dates and times (<c>2026-10-12 09:00</c>) stay as they are.
    /// </summary>
    public static string MaskNumbersIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NumberRun().Replace(text, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? Mask(m.Value) : m.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\+\d[\d \-]*\d|\d{7,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberRun();
}
