using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>The engine's answer for one ticket at one instant.</summary>
/// <param name="Clocks">Every clock run of every cycle (earlier cycles too, for reporting).</param>
/// <param name="Planned">Every step of the current cycle, produced or not.</param>
/// <param name="DueNow">Steps due by now and not yet produced; empty unless the ticket is active.</param>
/// <param name="Superseded">Warnings due by now whose deadline has already passed: not sent (the breach supersedes them), but marked produced so they never are.</param>
/// <param name="NextDueAt">When to look at the ticket again: the next not-yet-due step, or an event stamped in the future taking effect; null when nothing will happen (resolved, paused, done).</param>
public sealed record TicketAssessment(
    string TicketId,
    TicketPhase Phase,
    string? Policy,
    string? Priority,
    int Cycle,
    IReadOnlyList<ClockRun> Clocks,
    IReadOnlyList<EscalationStep> Planned,
    IReadOnlyList<EscalationStep> DueNow,
    Instant? NextDueAt,
    IReadOnlyList<EscalationStep> Superseded)
{
    /// <summary>
    /// What the history said at the instant assessed, as the engine read it: for callers that look at the same events at
    /// the same instant (texts, totals), so that they do not replay the history again.
    /// </summary>
    public TicketFacts? Facts { get; init; }
}

public enum TicketPhase
{
    /// <summary>Events arrived before the TicketOpened they follow.</summary>
    AwaitingOpening,
    Active,
    Paused,
    Resolved,
    Closed,
}
