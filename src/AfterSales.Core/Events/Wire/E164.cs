using PhoneNumbers;

namespace AfterSales.Core.Events.Wire;

/// <summary>E.164 check: the text must already be the canonical E.164 spelling of a valid number.</summary>
internal static class E164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="canonical">The E.164 spelling when the text is a valid number, however it was written
    /// (spaces, dashes): lets a rejection suggest the fix. Otherwise null.</param>
    public static bool IsCanonical(string text, out string? canonical)
    {
        canonical = null;
        if (!text.StartsWith('+'))
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, null);
        }
        catch (NumberParseException)
        {
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            return false;
        }

        canonical = Util.Format(number, PhoneNumberFormat.E164);
        return string.Equals(canonical, text, StringComparison.Ordinal);
    }
}
