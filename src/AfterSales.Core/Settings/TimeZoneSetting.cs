using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>An IANA time zone id such as <c>Asia/Shanghai</c>, known to the tz database NodaTime ships.</summary>
public static class TimeZoneSetting
{
    public static bool TryParse(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed) is not null)
        {
            value = trimmed;
            error = null;
            return true;
        }

        value = null;
        error = $"'{text}' is not an IANA time zone id (use one such as Asia/Shanghai or Europe/Paris)";
        return false;
    }
}
