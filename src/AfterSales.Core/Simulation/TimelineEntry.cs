using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Simulation;

public enum TimelineKind { Received, Duplicate, DeadlineSet, DeadlineMoved, ClockPaused, TargetMet, TargetMissed, Step, Text, TextHeld, TextNotSent }

/// <summary>One line of what AfterSales did or would do, at a virtual instant.</summary>
/// <param name="History">For a step: the ticket as it stood when the step was produced (to render its email).</param>
/// <param name="CustomerText">For a text line: the text sent, held or not sent, with its rendered content.</param>
public sealed record TimelineEntry(
    Instant At, string TicketId, TimelineKind Kind, string Text, EscalationStep? Step = null, TicketHistory? History = null,
    CustomerText? CustomerText = null);
