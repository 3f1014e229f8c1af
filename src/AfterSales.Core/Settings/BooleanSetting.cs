using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Core.Settings;

/// <summary><c>true</c> or <c>false</c> (any letter case).</summary>
public static class BooleanSetting
{
    public static bool TryParse(string text, out bool value, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = trimmed.Length == 4;
            error = null;
            return true;
        }

        value = false;
        error = $"'{text}' is not true or false";
        return false;
    }
}
