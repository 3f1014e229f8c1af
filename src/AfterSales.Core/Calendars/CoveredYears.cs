using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AfterSales.Core.Calendars;

/// <summary>The years whose public holidays a calendar lists (<c>2026</c>, or <c>2026-2027</c>), both inclusive.</summary>
public readonly record struct CoveredYears(int First, int Last)
{
    public bool Contains(int year) => year >= First && year <= Last;

    public override string ToString() =>
        First == Last ? First.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    public static bool TryParse(string text, out CoveredYears value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var parts = text.Trim().Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && parts.All(IsYear))
        {
            var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var last = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (last >= first)
            {
                value = new CoveredYears(first, last);
                error = null;
                return true;
            }
        }

        error = $"'{text}' is not a year or a range of years such as 2026 or 2026-2027";
        return false;
    }

    private static bool IsYear(string part) =>
        part.Length == 4 && part.All(char.IsAsciiDigit) && int.Parse(part, CultureInfo.InvariantCulture) is >= 2000 and <= 2999;
}
