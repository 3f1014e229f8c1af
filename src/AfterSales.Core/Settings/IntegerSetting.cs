using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AfterSales.Core.Settings;

/// <summary>A whole number such as <c>10</c> or <c>-5</c>.</summary>
public static class IntegerSetting
{
    public static bool TryParse(string text, out int value, [NotNullWhen(false)] out string? error)
    {
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = null;
            return true;
        }

        error = $"'{text}' is not a whole number";
        return false;
    }
}
