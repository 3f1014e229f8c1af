using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// What a summary and a comparison read of one clock of a ticket out of play, and no more: a month of a large helpdesk
/// keeps one per clock of every ticket of both runs until the runs end (a million at 100,000 tickets), so it is packed
/// into 40 bytes (the nullable fields of a plain record took 72).
/// </summary>
internal readonly struct FinishedClock
{
    private const byte NotSettled = byte.MaxValue;
    private const long NoReply = long.MinValue;

    private readonly Instant deadline;
    private readonly long replyNanoseconds;
    private readonly byte kind;
    private readonly byte settled;
    private readonly bool hasDeadline;

    private FinishedClock(ClockRun clock, ClockOutcome? settled, Instant? deadline, Duration? replyTime)
    {
        kind = (byte)clock.Kind;
        Cycle = clock.Cycle;
        ClockId = clock.ClockId;
        this.settled = settled is { } outcome ? (byte)outcome : NotSettled;
        hasDeadline = deadline.HasValue;
        this.deadline = deadline.GetValueOrDefault();
        replyNanoseconds = replyTime is { } reply ? reply.ToInt64Nanoseconds() : NoReply;
    }

    public ClockKind Kind => (ClockKind)kind;

    public int Cycle { get; }

    public string ClockId { get; }

    /// <summary>The outcome of a clock stopped by the time the ticket left play: the same at any later instant.</summary>
    public ClockOutcome? Settled => settled == NotSettled ? null : (ClockOutcome)settled;

    /// <summary>For a clock not stopped: overdue or still running depends on where the run ends.</summary>
    public Instant? Deadline => hasDeadline ? deadline : null;

    /// <summary>For a first response the agent's reply stopped: the working time it took.</summary>
    public Duration? ReplyTime => replyNanoseconds == NoReply ? null : Duration.FromNanoseconds(replyNanoseconds);

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
            ? new FinishedClock(clock, clock.OutcomeAt(leftPlayAt), null, reply)
            : new FinishedClock(clock, null, clock.Deadline, reply);
    }

    /// <summary>The same as <see cref="ClockRun.OutcomeAt"/> of the clock it was made of, for any instant from when the ticket left play.</summary>
    public ClockOutcome OutcomeAt(Instant end) =>
        Settled ?? (Deadline is { } due ? end > due ? ClockOutcome.Overdue : ClockOutcome.Running : ClockOutcome.Paused);
}
