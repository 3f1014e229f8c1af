using AfterSales.Core.Calendars;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>Working time on a calendar that also skips the ticket's pauses.</summary>
/// <remarks>Indexed loops: a simulation asks this for every clock of every layout, and an enumerator over the list interface is an allocation each time.</remarks>
public static class ActiveTime
{
    /// <summary>
    /// The instant at which <paramref name="amount"/> of active working time has passed since
    /// <paramref name="start"/>; null when the ticket is paused (open-ended) before that happens.
    /// </summary>
    public static Instant? Reach(BusinessCalendar calendar, IReadOnlyList<PauseInterval> pauses, Instant start, Duration amount)
    {
        var remaining = amount;
        var cursor = start;
        for (var i = 0; i < pauses.Count; i++)
        {
            var pause = pauses[i];
            if (pause.End is { } end && end <= cursor) continue;
            if (pause.Start > cursor)
            {
                var available = calendar.WorkingTimeBetween(cursor, pause.Start);
                if (available >= remaining) return calendar.AddWorkingTime(cursor, remaining);
                remaining -= available;
            }
            if (pause.End is not { } resumed) return null;
            cursor = Instant.Max(cursor, resumed);
        }
        return calendar.AddWorkingTime(cursor, remaining);
    }

    /// <summary>Active working time in [from, to).</summary>
    public static Duration Between(BusinessCalendar calendar, IReadOnlyList<PauseInterval> pauses, Instant from, Instant to)
    {
        if (to <= from) return Duration.Zero;
        var total = Duration.Zero;
        var cursor = from;
        for (var i = 0; i < pauses.Count; i++)
        {
            var pause = pauses[i];
            if (pause.End is { } end && end <= cursor) continue;
            if (pause.Start >= to) break;
            if (pause.Start > cursor) total += calendar.WorkingTimeBetween(cursor, pause.Start);
            if (pause.End is not { } resumed) return total;
            cursor = Instant.Max(cursor, resumed);
            if (cursor >= to) return total;
        }
        return total + calendar.WorkingTimeBetween(cursor, to);
    }

    public static bool IsPausedAt(IReadOnlyList<PauseInterval> pauses, Instant instant)
    {
        for (var i = 0; i < pauses.Count; i++)
            if (pauses[i].Start <= instant && (pauses[i].End is null || instant < pauses[i].End)) return true;
        return false;
    }
}
