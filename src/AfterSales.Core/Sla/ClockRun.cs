using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// One run of an SLA clock in one cycle, as the ticket's history says it went. <see cref="Deadline"/> and
/// <see cref="WarningAt"/> are null while the ticket is paused before reaching them; <see cref="ActiveTimeToStop"/>
/// is the working time (pauses excluded) from start to stop.
/// </summary>
public sealed record ClockRun(
    ClockKind Kind,
    string ClockId,
    int Cycle,
    Instant Start,
    Duration Target,
    string Calendar,
    Instant? WarningAt,
    Instant? Deadline,
    Instant? StoppedAt,
    string? StoppedBy,
    Duration? ActiveTimeToStop)
{
    /// <summary>A first-response clock stopped by a resolution or a close: nobody ever answered the customer.</summary>
    public bool EndedUnanswered(Instant now) =>
        Kind == ClockKind.FirstResponse && StoppedAt is { } stopped && stopped <= now && StoppedBy != nameof(Events.AgentResponded);

    public ClockOutcome OutcomeAt(Instant now) => (StoppedAt, Deadline) switch
    {
        _ when EndedUnanswered(now) => ClockOutcome.Unanswered,
        ({ } stopped, { } deadline) when stopped <= now => stopped <= deadline ? ClockOutcome.Met : ClockOutcome.Missed,
        ({ } stopped, null) when stopped <= now => ClockOutcome.Met,
        (_, { } deadline) => now > deadline ? ClockOutcome.Overdue : ClockOutcome.Running,
        (_, null) => ClockOutcome.Paused,
    };

    /// <summary>How late the clock was stopped, or is at <paramref name="now"/> when still running; zero when on time.</summary>
    public Duration LatenessAt(Instant now)
    {
        if (Deadline is not { } deadline) return Duration.Zero;
        var end = StoppedAt is { } s && s <= now ? s : now;
        return end > deadline ? end - deadline : Duration.Zero;
    }

    /// <summary>
    /// For a stopped clock, the working time (pauses excluded) it had left when it stopped: positive to spare,
    /// negative when late. Null while it runs.
    /// </summary>
    public Duration? WorkingSlack => ActiveTimeToStop is { } used ? Target - used : null;

    /// <summary>For a stopped clock with a deadline, the calendar time from the stop to the deadline (negative when late).</summary>
    public Duration? CalendarSlack => StoppedAt is { } stopped && Deadline is { } deadline ? deadline - stopped : null;
}

public enum ClockOutcome
{
    Running,
    Paused,
    Met,
    Missed,
    Overdue,

    /// <summary>A first response that never came: the ticket was resolved or closed with no reply to the customer.</summary>
    Unanswered,
}
