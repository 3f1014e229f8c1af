using AfterSales.Core.Calendars;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Simulation;

/// <summary>The words of the simulation timeline, with times shown in one display zone.</summary>
public sealed class TimelineText(DateTimeZone zone)
{
    private static readonly ZonedDateTimePattern Pattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm", DateTimeZoneProviders.Tzdb);

    public string Time(Instant instant) => Pattern.Format(instant.InZone(zone));

    public string Describe(TicketEvent e, SlaEngine engine, TicketHistory history) => e switch
    {
        TicketOpened o => $"opened {o.Priority} {o.Category.ToString().ToLowerInvariant()} via {o.Channel.ToString().ToLowerInvariant()}, team {o.Team}, owner {o.Owner.Name}; policy {PolicyName(engine, history)}",
        TicketAssigned a => $"assigned to {a.Owner.Name}",
        AgentResponded => "agent replied to the customer",
        CustomerReplied => "customer replied",
        StatusChanged s => $"status {s.Status}",
        CommitmentMade c => $"agent promised an answer by {Time(c.DueBy)}",
        AppointmentScheduled a => $"appointment {a.AppointmentId} at {Time(a.VisitAt)}",
        AppointmentCancelled a => $"appointment {a.AppointmentId} cancelled",
        TicketResolved => "resolved",
        TicketReopened => "reopened: a new cycle starts",
        TicketClosed => "closed",
        PriorityChanged p => $"priority changed to {p.Priority}; policy {PolicyName(engine, history)}",
        _ => e.Type,
    };

    public static string Describe(EscalationStep step, Instant now)
    {
        var what = step.Trigger switch
        {
            LadderTrigger.Warning => $"WARNING {step.ClockId}",
            LadderTrigger.Breach => $"BREACH {step.ClockId}",
            LadderTrigger.Opened => "ESCALATION opened",
            _ => "ESCALATION unresolved",
        };
        var late = step.Deadline is { } deadline && now > deadline ? $", {DurationText.Format(now - deadline)} late" : "";
        return $"{what} [{step.Level}{late}] -> {step.Role} {step.Recipient ?? "(no address)"} ({step.Key})";
    }

    public IEnumerable<(TimelineKind Kind, string Text)> DescribeChange(ClockRun? before, ClockRun clock, Instant now)
    {
        var name = clock.ClockId;
        if (before is null || before.Deadline != clock.Deadline)
        {
            if (clock.StoppedAt is null || clock.StoppedAt > now || before is null)
            {
                if (clock.Deadline is { } deadline)
                    yield return (before?.Deadline is null ? TimelineKind.DeadlineSet : TimelineKind.DeadlineMoved,
                        $"{name} deadline {Time(deadline)} ({Target(clock)})");
                else
                    yield return (TimelineKind.ClockPaused, $"{name} clock paused");
            }
        }
        var stoppedNow = clock.StoppedAt is { } stop && stop <= now && (before?.StoppedAt is not { } was || was > now);
        if (!stoppedNow) yield break;
        var lateness = clock.LatenessAt(now);
        yield return lateness > Duration.Zero
            ? (TimelineKind.TargetMissed, $"{name} missed by {DurationText.Format(lateness)}")
            : (TimelineKind.TargetMet, $"{name} met{Spare(clock)}");
    }

    /// <summary>acknowledgement, progress, appointment-day-before, survey-reminder, …</summary>
    public static string KindName(TextKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Target(ClockRun clock) =>
        clock.Calendar == BusinessCalendar.TwentyFourSevenName
            ? $"{DurationText.Hours(clock.Target)}, 24x7"
            : $"{DurationText.Hours(clock.Target)} working time, {clock.Calendar} calendar";

    private static string Spare(ClockRun clock) =>
        clock.Deadline is { } d && clock.StoppedAt is { } s && d > s ? $", {DurationText.Format(d - s)} to spare" : "";

    private static string PolicyName(SlaEngine engine, TicketHistory history) =>
        engine.PolicyFor(new TicketFacts(history, Instant.MaxValue))?.Name ?? "(none)";
}
