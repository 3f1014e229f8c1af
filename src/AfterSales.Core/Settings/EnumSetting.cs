using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Core.Settings;

/// <summary>One of an enum's names, in any letter case (numbers are not accepted, unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>).</summary>
public static class EnumSetting
{
    /// <param name="what">What the value names, for the message: "trigger", "clock", "category".</param>
    /// <param name="lowerCaseNames">Show the names in lower case in the message, as they are written on the wire (categories).</param>
    public static bool TryParse<TEnum>(string text, string what, bool lowerCaseNames, out TEnum value, [NotNullWhen(false)] out string? error)
        where TEnum : struct, Enum
    {
        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                error = null;
                return true;
            }
        }

        var names = Enum.GetNames<TEnum>().Select(n => lowerCaseNames ? n.ToLowerInvariant() : n);
        value = default;
        error = $"'{text}' is not a {what} (use one of: {string.Join(", ", names)})";
        return false;
    }
}
