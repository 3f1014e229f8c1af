using System.Globalization;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>Short human text for durations in timelines and emails: "10 min", "4 h", "2 d 3 h".</summary>
/// <remarks><see cref="Hours"/> never uses days, for working time where a "day" would read as 24 h.</remarks>
public static class DurationText
{
    public static string Format(Duration duration)
    {
        var sign = duration < Duration.Zero ? "-" : "";
        var d = duration < Duration.Zero ? -duration : duration;
        var parts = new List<string>(3);
        if (d.Days > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Days} d"));
        if (d.Hours > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Hours} h"));
        if (d.Minutes > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Minutes} min"));
        if (parts.Count == 0) parts.Add(d.Seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{d.Seconds} s") : "0 min");
        return sign + string.Join(' ', parts);
    }

    public static string Hours(Duration duration)
    {
        var whole = (long)Math.Floor(duration.TotalHours);
        var minutes = duration.Minutes;
        return (whole, minutes) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{whole} h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{whole} h {minutes} min"),
        };
    }
}
