using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Settings;

/// <summary>
/// The syntax shared by calendar durations and SLA targets: ISO 8601 (<c>PT10M</c>, <c>P1DT4H</c>, <c>P2W</c>)
/// or <c>hh:mm:ss</c> / <c>d.hh:mm:ss</c>. Parsed into whole days and the time of day part, kept apart
/// because a target counts days as working days.
/// </summary>
internal static class DurationSyntax
{
    public const string Hint = "use ISO 8601 such as PT10M, or hh:mm:ss";

    private const int MaxDays = 36_600;

    public static bool TryParse(string text, out int days, out Duration time, [NotNullWhen(false)] out string? error)
    {
        days = 0;
        time = Duration.Zero;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
        {
            error = $"'{text}' is negative: a duration must be zero or more";
            return false;
        }

        return trimmed.StartsWith('P') || trimmed.StartsWith('p')
            ? TryParseIso(text, trimmed.ToUpperInvariant(), out days, out time, out error)
            : TryParseClock(text, trimmed, out days, out time, out error);
    }

    private static bool TryParseIso(string text, string iso, out int days, out Duration time, [NotNullWhen(false)] out string? error)
    {
        days = 0;
        time = Duration.Zero;
        var result = PeriodPattern.NormalizingIso.Parse(iso);
        if (!result.Success)
        {
            error = NotADuration(text);
            return false;
        }

        var period = result.Value;
        if (period.Years != 0 || period.Months != 0)
        {
            error = $"'{text}' uses years or months, which have no fixed length (use days or weeks, such as P30D)";
            return false;
        }

        if (period.Weeks < 0 || period.Days < 0 || period.Hours < 0 || period.Minutes < 0 || period.Seconds < 0
            || period.Milliseconds < 0 || period.Ticks < 0 || period.Nanoseconds < 0)
        {
            error = $"'{text}' has a negative part: a duration must be zero or more";
            return false;
        }

        var wholeDays = (long)period.Weeks * 7 + period.Days;
        var timeDays = period.Hours / 24.0 + period.Minutes / 1440.0 + period.Seconds / 86_400.0
            + period.Milliseconds / 86_400_000.0 + period.Ticks / (double)NodaConstants.TicksPerDay
            + period.Nanoseconds / (double)NodaConstants.NanosecondsPerDay;
        if (wholeDays + timeDays > MaxDays)
        {
            error = TooLong(text);
            return false;
        }

        days = (int)wholeDays;
        time = Duration.FromHours(period.Hours) + Duration.FromMinutes(period.Minutes)
            + Duration.FromSeconds(period.Seconds) + Duration.FromMilliseconds(period.Milliseconds)
            + Duration.FromTicks(period.Ticks) + Duration.FromNanoseconds(period.Nanoseconds);
        error = null;
        return true;
    }

    private static bool TryParseClock(string text, string clock, out int days, out Duration time, [NotNullWhen(false)] out string? error)
    {
        days = 0;
        time = Duration.Zero;
        if (decimal.TryParse(clock, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{text}' is a bare number, which has no unit ({Hint})";
            return false;
        }

        // "c" also reads "10" as days and "10:00" as hours and minutes; only hh:mm:ss is unambiguous.
        if (clock.Count(c => c == ':') != 2
            || !TimeSpan.TryParseExact(clock, "c", CultureInfo.InvariantCulture, out var span))
        {
            error = NotADuration(text);
            return false;
        }

        if (span.Days > MaxDays)
        {
            error = TooLong(text);
            return false;
        }

        days = span.Days;
        time = Duration.FromTimeSpan(span - TimeSpan.FromDays(span.Days));
        error = null;
        return true;
    }

    private static string NotADuration(string text) => $"'{text}' is not a duration ({Hint})";

    private static string TooLong(string text) => $"'{text}' is longer than 100 years";
}
