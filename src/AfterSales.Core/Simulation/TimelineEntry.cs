using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Simulation;

public enum TimelineKind { Received, Duplicate, DeadlineSet, DeadlineMoved, ClockPaused, TargetMet, TargetMissed, Step }

/// <summary>One line of what AfterSales did or would do, at a virtual instant.</summary>
public sealed record TimelineEntry(Instant At, string TicketId, TimelineKind Kind, string Text, EscalationStep? Step = null);
