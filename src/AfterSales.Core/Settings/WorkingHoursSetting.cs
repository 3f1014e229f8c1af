using System.Diagnostics.CodeAnalysis;
using AfterSales.Core.Calendars;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Settings;

/// <summary>
/// The working hours of one day: <c>08:30-12:00,13:30-17:30</c>, in ascending order without overlap;
/// <c>24:00</c> may end a span (<c>00:00-24:00</c> is the whole day), and so may <c>23:59</c>, which admins write
/// meaning "to the end of the day"; empty or <c>closed</c> means no working time.
/// </summary>
public static class WorkingHoursSetting
{
    private const string Hint = "use hh:mm-hh:mm spans such as 08:30-12:00,13:30-17:30, or closed";

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static bool TryParse(string text, [NotNullWhen(true)] out IReadOnlyList<WorkingSpan>? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var spans = new List<WorkingSpan>();
        if (text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            value = spans;
            error = null;
            return true;
        }

        foreach (var item in ListSetting.Parse(text))
        {
            if (!TryParseSpan(item, out var span))
            {
                error = $"'{item}' is not a span of working hours ({Hint})";
                return false;
            }

            if (spans.Count > 0 && (spans[^1].EndsAtMidnight || span.Start < spans[^1].End))
            {
                error = $"'{spans[^1]}' and '{span}' overlap or are out of order (list spans in ascending order, without overlap)";
                return false;
            }

            spans.Add(span);
        }

        value = spans;
        error = null;
        return true;
    }

    private static bool TryParseSpan(string item, out WorkingSpan span)
    {
        span = default;
        var parts = item.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) return false;
        var start = Time.Parse(parts[0]);
        if (!start.Success) return false;
        if (parts[1] is "24:00" or "23:59")
        {
            span = new WorkingSpan(start.Value, LocalTime.Midnight, EndsAtMidnight: true);
            return true;
        }

        var end = Time.Parse(parts[1]);
        if (!end.Success || end.Value <= start.Value) return false;
        span = new WorkingSpan(start.Value, end.Value);
        return true;
    }
}
