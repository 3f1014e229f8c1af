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
        FaultReportFiled => "fault analysis report filed",
        _ => e.Type,
    };

    /// <summary>
    /// The step line. A step tied to a deadline says when it was sent relative to that deadline
    /// (<c>[supervisor: sent at the first-response deadline]</c>, <c>[head-unanswered: sent 9 h working time (1 d)
    /// after the resolution deadline]</c>), never a bare "late" that reads as if the alert itself were late.
    /// </summary>
    public static string Describe(EscalationStep step, Instant now, BusinessCalendar calendar)
    {
        var what = step.ClockId == MajorIncidentPlanner.ChainClockId ? "MAJOR INCIDENT reported" : step.Trigger switch
        {
            LadderTrigger.Warning => $"WARNING {step.ClockId}",
            LadderTrigger.Breach => $"BREACH {step.ClockId}",
            LadderTrigger.Opened => "ESCALATION opened",
            _ => "ESCALATION unresolved",
        };
        return $"{what} [{step.Level}{WhenSent(step, now, calendar)}] -> {step.Role} {step.Recipient ?? "(no address)"} ({step.Key})";
    }

    /// <summary>A warning not sent because its deadline passed first, or an opening step the major-incident chain covers.</summary>
    public string Superseded(EscalationStep step) => step.Trigger == LadderTrigger.Opened
        ? $"ESCALATION opened [{step.Level}] not sent to {step.Role}: the major-incident report to the same role covers it ({step.Key})"
        : $"WARNING {step.ClockId} [{step.Level}] not sent: its deadline {Time(step.Deadline ?? step.DueAt)} passed first, the breach supersedes it ({step.Key})";

    private static string WhenSent(EscalationStep step, Instant now, BusinessCalendar calendar)
    {
        if (step.Deadline is not { } deadline) return "";
        var promise = step.Clock is { } kind ? $"{ClockName(kind)} deadline" : "deadline";
        if (now == deadline) return $": sent at the {promise}";
        var (from, to, relation) = now > deadline ? (deadline, now, "after") : (now, deadline, "before");
        var working = calendar.WorkingTimeBetween(from, to);
        if (!calendar.Is24x7 && working == Duration.Zero && now > deadline)
            return $": sent at the first opening after the {promise} ({DurationText.Format(to - from)} later)";
        var span = SlackText.Describe(working, to - from, !calendar.Is24x7);
        return $": sent {span} {relation} the {promise}";
    }

    /// <summary>first-response, update, resolution, commitment.</summary>
    public static string ClockName(ClockKind kind) => kind switch
    {
        ClockKind.FirstResponse => ClockPlanner.FirstResponseId,
        ClockKind.Resolution => ClockPlanner.ResolutionId,
        ClockKind.FaultReport => MajorIncidentPlanner.FaultReportClockId,
        _ => kind.ToString().ToLowerInvariant(),
    };

    public IEnumerable<(TimelineKind Kind, string Text, ClockSlack? Slack)> DescribeChange(ClockRun? before, ClockRun clock, Instant now)
    {
        var name = clock.ClockId;
        if (before is null || before.Deadline != clock.Deadline)
        {
            if (clock.StoppedAt is null || clock.StoppedAt > now || before is null)
            {
                if (clock.Deadline is { } deadline)
                    yield return (before?.Deadline is null ? TimelineKind.DeadlineSet : TimelineKind.DeadlineMoved,
                        $"{name} deadline {Time(deadline)} ({Target(clock)})", null);
                else
                    yield return (TimelineKind.ClockPaused, $"{name} clock paused", null);
            }
        }
        var stoppedNow = clock.StoppedAt is { } stop && stop <= now && (before?.StoppedAt is not { } was || was > now);
        if (!stoppedNow) yield break;
        if (clock.EndedUnanswered(now))
        {
            yield return (TimelineKind.NoFirstResponse, $"{name}: none, the ticket was {Ended(clock.StoppedBy)} without a reply to the customer", null);
            yield break;
        }
        var slack = clock.WorkingSlack ?? Duration.Zero;
        var onWorkingCalendar = clock.Calendar != BusinessCalendar.TwentyFourSevenName;
        var measured = new ClockSlack(slack, clock.CalendarSlack);
        yield return slack < Duration.Zero
            ? (TimelineKind.TargetMissed, $"{name} missed by {SlackText.Describe(slack, clock.CalendarSlack, onWorkingCalendar)}", measured)
            : slack == Duration.Zero
                ? (TimelineKind.TargetMet, $"{name} met, just in time", measured)
                : (TimelineKind.TargetMet, $"{name} met, {SlackText.Describe(slack, clock.CalendarSlack, onWorkingCalendar)} to spare", measured);
    }

    private static string Ended(string? stoppedBy) => stoppedBy == nameof(TicketClosed) ? "closed" : "resolved";

    /// <summary>acknowledgement, progress, appointment-day-before, survey-reminder, …</summary>
    public static string KindName(TextKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Target(ClockRun clock) =>
        clock.Calendar == BusinessCalendar.TwentyFourSevenName
            ? $"{DurationText.Hours(clock.Target)}, 24x7"
            : $"{DurationText.Hours(clock.Target)} working time, {clock.Calendar} calendar";

    private static string PolicyName(SlaEngine engine, TicketHistory history) =>
        engine.PolicyFor(new TicketFacts(history, Instant.MaxValue))?.Name ?? "(none)";
}
