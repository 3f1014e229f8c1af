using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Simulation;

public enum TimelineKind { Received, Duplicate, DeadlineSet, DeadlineMoved, ClockPaused, TargetMet, TargetMissed, NoFirstResponse, Step, StepSuperseded, Text, TextHeld, TextNotSent, Revisit, RevisitCallList, Digest, Report }

/// <summary>One line of what AfterSales did or would do, at a virtual instant.</summary>
/// <param name="History">For a step: the ticket as it stood when the step was produced (to render its email).</param>
/// <param name="CustomerText">For a text line: the text sent, held or not sent, with its rendered content.</param>
/// <param name="Slack">For a target met or missed: the time it had to spare (negative: how late it was).</param>
/// <param name="Report">For a weekly digest or a monthly report: the email as it went out.</param>
public sealed record TimelineEntry(
    Instant At, string TicketId, TimelineKind Kind, string Text, EscalationStep? Step = null, TicketHistory? History = null,
    CustomerText? CustomerText = null, ClockSlack? Slack = null, Reports.ReportDelivery? Report = null);

/// <summary>Time a stopped clock had to spare, negative when late: in its policy's working time and in calendar time.</summary>
public sealed record ClockSlack(Duration Working, Duration? Calendar);
