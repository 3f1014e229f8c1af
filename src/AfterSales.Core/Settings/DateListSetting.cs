using System.Diagnostics.CodeAnalysis;
using AfterSales.Core.Calendars;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Settings;

/// <summary>Lists of ISO dates (<c>2026-12-25</c>) and, for holidays, inclusive ranges (<c>2026-10-01..2026-10-07</c>).</summary>
public static class DateListSetting
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static bool TryParseRanges(string text, [NotNullWhen(true)] out IReadOnlyList<DateRange>? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var ranges = new List<DateRange>();
        foreach (var item in ListSetting.Parse(text))
        {
            var ends = item.Split("..", StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || !TryParseDate(ends[0], out var first) || !TryParseDate(ends[^1], out var last))
            {
                error = $"'{item}' is not a date or a date range (use yyyy-MM-dd, or yyyy-MM-dd..yyyy-MM-dd for a range)";
                return false;
            }

            if (last < first)
            {
                error = $"'{item}' ends before it starts";
                return false;
            }

            ranges.Add(new DateRange(first, last));
        }

        value = ranges;
        error = null;
        return true;
    }

    public static bool TryParseDates(string text, [NotNullWhen(true)] out IReadOnlyList<LocalDate>? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var dates = new List<LocalDate>();
        foreach (var item in ListSetting.Parse(text))
        {
            if (!TryParseDate(item, out var date))
            {
                error = $"'{item}' is not a date (use yyyy-MM-dd, one date per item)";
                return false;
            }

            dates.Add(date);
        }

        value = dates;
        error = null;
        return true;
    }

    private static bool TryParseDate(string text, out LocalDate date)
    {
        var result = Date.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }
}
