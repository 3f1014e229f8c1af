using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// How much time a promise had to spare, or how late it was, as a person reads it: in the policy's working time,
/// with calendar time beside it where the two differ (<c>1 h 40 min working time (2 d 16 h 40 min)</c>), so a
/// weekend or a holiday never makes a lateness look bigger than the policy counts it.
/// </summary>
public static class SlackText
{
    /// <param name="working">Working time (pauses excluded), without sign.</param>
    /// <param name="calendar">The same stretch in calendar time, without sign; null when unknown.</param>
    /// <param name="onWorkingCalendar">False for a 24x7 clock, where working time is calendar time.</param>
    public static string Describe(Duration working, Duration? calendar, bool onWorkingCalendar)
    {
        working = Abs(working);
        if (!onWorkingCalendar) return DurationText.Format(calendar is { } c ? Abs(c) : working);
        var text = $"{DurationText.Hours(working)} working time";
        return calendar is { } span && Abs(span) != working ? $"{text} ({DurationText.Format(Abs(span))})" : text;
    }

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;
}
