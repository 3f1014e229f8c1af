using System.Text.RegularExpressions;
using AfterSales.Core.Texts;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Hides phone numbers and email addresses inside free text a provider wrote (an error message may quote the number it
/// refused), so that a summary or a log line can show the text without the customer's contact details.
/// </summary>
public static partial class PersonalDataMask
{
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Phone().Replace(text, m => CustomerPhones.Mask(m.Value));
        return Email().Replace(masked, m => $"{m.Groups["first"].Value}***@{m.Groups["domain"].Value}");
    }

    /// <summary>An international number (+ and 7 to 15 digits, maybe spaced) or a bare 11-digit Chinese mobile number; not dates or error codes.</summary>
    [GeneratedRegex(@"\+\d[\d -]{5,17}\d|\b1\d{10}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*@(?<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})")]
    private static partial Regex Email();
}
