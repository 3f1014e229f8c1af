using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Functions.Http;

/// <summary>How the HTTP API writes time: instants in UTC ISO 8601, durations as ISO 8601 hours (never days).</summary>
public static class JsonTime
{
    public static string? Instant(Instant? instant) => instant is { } i ? InstantPattern.ExtendedIso.Format(i) : null;

    /// <summary>
    /// <c>PT27H30M</c>: hours, minutes and whole seconds. Days are never used because a working "day" is not 24 h,
    /// and the same form reads the same for working and calendar time.
    /// </summary>
    public static string Duration(Duration duration)
    {
        if (duration < NodaTime.Duration.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "Durations in the API are never negative.");
        var totalSeconds = (long)Math.Floor(duration.TotalSeconds);
        var (hours, minutes, seconds) = (totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60);
        if (totalSeconds == 0) return "PT0S";
        var text = new StringBuilder("PT");
        if (hours > 0) text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
        if (minutes > 0) text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        if (seconds > 0) text.Append(seconds.ToString(CultureInfo.InvariantCulture)).Append('S');
        return text.ToString();
    }
}
