using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// Decides, without any I/O, what a ticket's promises are and which escalation steps are due. Everything is
/// recomputed from the ticket's history, so late, duplicate or out-of-order events and priority or policy
/// changes simply re-plan the clocks; produced step keys make every step happen once.
/// </summary>
public sealed class SlaEngine
{
    private readonly AfterSalesSettings settings;
    private readonly PolicySelector policies;
    private readonly ClockPlanner clockPlanner;
    private readonly StepPlanner stepPlanner;
    private readonly MajorIncidentPlanner incidents;

    public SlaEngine(AfterSalesSettings settings)
    {
        this.settings = settings;
        policies = new PolicySelector(settings.Sla.Policies);
        clockPlanner = new ClockPlanner(settings.Sla.WarningAt);
        var recipients = new RecipientDirectory(settings.Escalation);
        stepPlanner = new StepPlanner(settings.Escalation.Ladder, recipients);
        incidents = new MajorIncidentPlanner(settings.MajorIncident, settings.Calendars, settings.Sla.WarningAt, recipients);
    }

    /// <summary>The calendar a step's lateness is told in: the fault-report calendar for fault-report steps, else the policy's.</summary>
    public BusinessCalendar CalendarOf(EscalationStep step, BusinessCalendar policyCalendar) =>
        step.Clock == ClockKind.FaultReport ? incidents.FaultReportCalendar : policyCalendar;

    public SlaPolicy? PolicyFor(TicketFacts facts) =>
        facts.Opened is { } opened && facts.Priority is { } priority ? policies.Select(priority, opened.Category) : null;

    public BusinessCalendar CalendarOf(SlaPolicy policy) =>
        settings.Calendars.TryGetValue(policy.Calendar, out var calendar) ? calendar : BusinessCalendar.TwentyFourSeven();

    /// <summary>The calendar of the policy an assessment named; 24x7 when it named none.</summary>
    public BusinessCalendar CalendarOf(TicketAssessment assessment) =>
        settings.Sla.Policies.FirstOrDefault(p => p.Name == assessment.Policy) is { } policy ? CalendarOf(policy) : BusinessCalendar.TwentyFourSeven();

    public TicketAssessment Assess(TicketHistory history, Instant now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var facts = new TicketFacts(history, now);
        // An event stamped ahead of now (a helpdesk clock running fast) takes effect at its own time: look again then.
        Instant? nextEvent = null;
        foreach (var e in history.Events)
        {
            if (e.OccurredAt <= now) continue;
            nextEvent = e.OccurredAt;
            break;
        }

        if (facts.CurrentCycle is not { } current || facts.Priority is not { } priority)
            return new TicketAssessment(history.TicketId, TicketPhase.AwaitingOpening, null, null, 0, [], [], [], nextEvent, []) { Facts = facts };

        var policy = PolicyFor(facts);
        var pauses = facts.Pauses(policy?.PauseOnHold ?? false);
        var phase = facts.IsClosed ? TicketPhase.Closed
            : facts.IsResolved ? TicketPhase.Resolved
            : ActiveTime.IsPausedAt(pauses, now) ? TicketPhase.Paused
            : TicketPhase.Active;
        if (policy is null)
            return new TicketAssessment(history.TicketId, phase, null, priority, current.Number, [], [], [], nextEvent, []) { Facts = facts };

        var calendar = CalendarOf(policy);
        var clocks = new List<ClockRun>();
        var currentClocks = new List<ClockRun>();
        foreach (var cycle in facts.Cycles)
        {
            foreach (var clock in clockPlanner.Plan(facts, cycle, policy, calendar, pauses))
            {
                clocks.Add(clock);
                if (clock.Cycle == current.Number) currentClocks.Add(clock);
            }
        }

        var planned = new List<EscalationStep>();
        foreach (var step in stepPlanner.Plan(facts, current, priority, calendar, pauses, currentClocks).Concat(incidents.Chain(facts, current, priority)))
            if (current.End is not { } end || step.DueAt < end) planned.Add(step);
        // The fault analysis report of a major incident is due after the resolution: its steps run while the ticket is resolved or closed.
        var faultReport = incidents.FaultReportClock(facts, current, priority);
        List<EscalationStep> afterResolution = faultReport is null ? [] : [.. incidents.FaultReportSteps(facts, faultReport)];
        if (faultReport is not null) clocks.Add(faultReport);

        var candidates = phase == TicketPhase.Active ? planned : phase is TicketPhase.Resolved or TicketPhase.Closed ? afterResolution : [];
        var due = new List<EscalationStep>();
        var nextDue = nextEvent;
        foreach (var step in candidates)
        {
            if (history.ProducedSteps.Contains(step.Key)) continue;
            if (step.DueAt <= now) due.Add(step);
            else if (nextDue is null || step.DueAt < nextDue) nextDue = step.DueAt;
        }

        planned.AddRange(afterResolution);
        if (due.Count == 0)
            return new TicketAssessment(history.TicketId, phase, policy.Name, priority, current.Number, clocks, planned, [], nextDue, []) { Facts = facts };

        due = [.. due.OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal)];
        var superseded = due.Where(s => IsSupersededAt(s, now)).ToList();
        var dueNow = due.Except(superseded).ToList();
        return new TicketAssessment(history.TicketId, phase, policy.Name, priority, current.Number, clocks, planned, dueNow, nextDue, superseded) { Facts = facts };
    }

    /// <summary>
    /// A warning that would go out once its deadline has passed says "about to be missed" of a promise already
    /// missed: the breach supersedes it (a step deferred to the next opening, a priority raised late, a sweep that
    /// was down).
    /// </summary>
    public static bool IsSupersededAt(EscalationStep step, Instant sendAt) =>
        step.Trigger == LadderTrigger.Warning && step.Deadline is { } deadline && deadline <= sendAt;
}
