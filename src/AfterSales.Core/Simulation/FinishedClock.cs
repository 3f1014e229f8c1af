using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// What a summary and a comparison read of one clock of a ticket out of play, and no more: a month of a large helpdesk
/// keeps one per clock of every ticket until the run ends.
/// </summary>
/// <param name="Settled">The outcome of a clock stopped by the time the ticket left play: the same at any later instant.</param>
/// <param name="Deadline">For a clock not stopped: overdue or still running depends on where the run ends.</param>
/// <param name="ReplyTime">For a first response the agent's reply stopped: the working time it took.</param>
internal readonly record struct FinishedClock(ClockKind Kind, int Cycle, string ClockId, ClockOutcome? Settled, Instant? Deadline, Duration? ReplyTime)
{
    /// <summary>
    /// A clock of the ticket's assessment at <paramref name="leftPlayAt"/>, the instant it left play: no event to come can
    /// stop it later (an assessment's clocks stop only by events in effect by then).
    /// </summary>
    public static FinishedClock Of(ClockRun clock, Instant leftPlayAt)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var stopped = clock.StoppedAt is { } stop && stop <= leftPlayAt;
        var reply = clock.StoppedBy == nameof(Events.AgentResponded) ? clock.ActiveTimeToStop : null;
        return stopped
            ? new FinishedClock(clock.Kind, clock.Cycle, clock.ClockId, clock.OutcomeAt(leftPlayAt), null, reply)
            : new FinishedClock(clock.Kind, clock.Cycle, clock.ClockId, null, clock.Deadline, reply);
    }

    /// <summary>The same as <see cref="ClockRun.OutcomeAt"/> of the clock it was made of, for any instant from when the ticket left play.</summary>
    public ClockOutcome OutcomeAt(Instant end) =>
        Settled ?? (Deadline is { } deadline ? end > deadline ? ClockOutcome.Overdue : ClockOutcome.Running : ClockOutcome.Paused);
}
