using NodaTime;

namespace AfterSales.Core.Calendars;

/// <summary>One span of working time within a local day. <see cref="EndsAtMidnight"/> means the span runs to 24:00.</summary>
public readonly record struct WorkingSpan(LocalTime Start, LocalTime End, bool EndsAtMidnight = false)
{
    public override string ToString() =>
        $"{Start:HH':'mm}-{(EndsAtMidnight ? "24:00" : End.ToString("HH':'mm", null))}";
}
