using System.Collections.Immutable;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// The part of an assessment that the events in effect decide on their own: phase, policy, clocks and planned steps.
/// Neither the produced keys nor where the instant falls between two events change it, so a caller that looks at a
/// ticket again and again (the simulation wakes a ticket at each step and text) lays it out once per event that takes
/// effect and only works out what is due at each look (<see cref="SlaEngine.Assess(TicketHistory, Instant, TicketLayout)"/>).
/// </summary>
public sealed class TicketLayout
{
    private readonly ImmutableArray<Events.TicketEvent> events;
    private readonly int eventsInEffect;

    internal TicketLayout(
        ImmutableArray<Events.TicketEvent> events, int eventsInEffect, TicketFacts facts, TicketPhase phase, string? policy, string? priority, int cycle,
        IReadOnlyList<ClockRun> clocks, IReadOnlyList<EscalationStep> planned, IReadOnlyList<EscalationStep> candidates)
    {
        this.events = events;
        this.eventsInEffect = eventsInEffect;
        Facts = facts;
        Phase = phase;
        Policy = policy;
        Priority = priority;
        Cycle = cycle;
        Clocks = clocks;
        Planned = planned;
        Candidates = candidates;
    }

    public TicketFacts Facts { get; }
    public TicketPhase Phase { get; }
    public string? Policy { get; }
    public string? Priority { get; }
    public int Cycle { get; }
    public IReadOnlyList<ClockRun> Clocks { get; }

    /// <summary>Every step of the current cycle (and the fault report's after the resolution), produced or not.</summary>
    public IReadOnlyList<EscalationStep> Planned { get; }

    /// <summary>The steps that can fall due in this phase (the ladder's while active, the fault report's once resolved).</summary>
    public IReadOnlyList<EscalationStep> Candidates { get; }

    /// <summary>Whether this layout is still the ticket's at <paramref name="now"/>: the same events, and no other one in effect since.</summary>
    public bool Covers(TicketHistory history, Instant now)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Events == events && InEffect(history.Events, now) == eventsInEffect;
    }

    /// <summary>How many of the events (in time order) have taken effect by <paramref name="now"/>.</summary>
    internal static int InEffect(ImmutableArray<Events.TicketEvent> events, Instant now)
    {
        var count = 0;
        while (count < events.Length && events[count].OccurredAt <= now) count++;
        return count;
    }
}
