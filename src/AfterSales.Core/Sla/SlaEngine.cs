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

    public TicketAssessment Assess(TicketHistory history, Instant now) => Assess(history, now, Layout(history, now));

    /// <summary>The phase, clocks and planned steps the events in effect at <paramref name="now"/> make of the ticket.</summary>
    /// <param name="earlier">
    /// An earlier layout of the same ticket, when the caller kept one: clocks and steps of it that come out the same are
    /// taken from it rather than made again.
    /// </param>
    public TicketLayout Layout(TicketHistory history, Instant now, TicketLayout? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var facts = new TicketFacts(history, now);
        var inEffect = TicketLayout.InEffect(history.Events, now);
        if (facts.CurrentCycle is not { } current || facts.Priority is not { } priority)
            return new TicketLayout(history.Events, inEffect, facts, TicketPhase.AwaitingOpening, null, null, 0, [], [], []);

        var policy = PolicyFor(facts);
        var pauses = facts.Pauses(policy?.PauseOnHold ?? false);
        var phase = facts.IsClosed ? TicketPhase.Closed
            : facts.IsResolved ? TicketPhase.Resolved
            : ActiveTime.IsPausedAt(pauses, now) ? TicketPhase.Paused
            : TicketPhase.Active;
        if (policy is null)
            return new TicketLayout(history.Events, inEffect, facts, phase, null, priority, current.Number, [], [], []);

        var calendar = CalendarOf(policy);
        var clocks = new List<ClockRun>();
        var currentClocks = new List<ClockRun>();
        foreach (var cycle in facts.Cycles)
        {
            foreach (var clock in clockPlanner.Plan(facts, cycle, policy, calendar, pauses, earlier?.Clocks))
            {
                clocks.Add(clock);
                if (clock.Cycle == current.Number) currentClocks.Add(clock);
            }
        }

        var planned = new List<EscalationStep>();
        foreach (var step in stepPlanner.Plan(facts, current, priority, calendar, pauses, currentClocks, earlier?.Planned).Concat(incidents.Chain(facts, current, priority)))
            if (current.End is not { } end || step.DueAt < end) planned.Add(step);
        // The fault analysis report of a major incident is due after the resolution: its steps run while the ticket is resolved or closed.
        var faultReport = incidents.FaultReportClock(facts, current, priority);
        List<EscalationStep> afterResolution = faultReport is null ? [] : [.. incidents.FaultReportSteps(facts, faultReport)];
        if (faultReport is not null) clocks.Add(faultReport);

        List<EscalationStep> candidates = phase == TicketPhase.Active ? [.. planned] : phase is TicketPhase.Resolved or TicketPhase.Closed ? afterResolution : [];
        planned.AddRange(afterResolution);
        return new TicketLayout(history.Events, inEffect, facts, phase, policy.Name, priority, current.Number, clocks, planned, candidates);
    }

    /// <summary>
    /// What is due at <paramref name="now"/> of a layout of the same events (<see cref="TicketLayout.Covers"/>), given the
    /// steps already produced.
    /// </summary>
    public static TicketAssessment Assess(TicketHistory history, Instant now, TicketLayout layout)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(layout);
        // An event stamped ahead of now (a helpdesk clock running fast) takes effect at its own time: look again then.
        Instant? nextEvent = null;
        foreach (var e in history.Events)
        {
            if (e.OccurredAt <= now) continue;
            nextEvent = e.OccurredAt;
            break;
        }

        // Assessed at every wake-up of every ticket in a simulation, and mostly with nothing due: no list, enumerator or
        // closure unless something is.
        List<EscalationStep>? due = null;
        var nextDue = nextEvent;
        var candidates = layout.Candidates;
        for (var i = 0; i < candidates.Count; i++)
        {
            var step = candidates[i];
            if (history.ProducedSteps.Contains(step.Key)) continue;
            if (step.DueAt <= now) (due ??= []).Add(step);
            else if (nextDue is null || step.DueAt < nextDue) nextDue = step.DueAt;
        }

        if (due is null)
        {
            return new TicketAssessment(history.TicketId, layout.Phase, layout.Policy, layout.Priority, layout.Cycle, layout.Clocks, layout.Planned, [], nextDue, [])
                { Facts = layout.Facts };
        }

        // A ticket's step keys are unique, so this order is total and an in-place sort gives what a stable one would.
        due.Sort(ByDueAtThenKey);
        var superseded = new List<EscalationStep>();
        var dueNow = new List<EscalationStep>(due.Count);
        foreach (var step in due)
            (IsSupersededAt(step, now) || IsCoveredByIncidentChain(step, layout.Planned) ? superseded : dueNow).Add(step);
        return new TicketAssessment(history.TicketId, layout.Phase, layout.Policy, layout.Priority, layout.Cycle, layout.Clocks, layout.Planned, dueNow, nextDue, superseded)
            { Facts = layout.Facts };
    }

    private static readonly Comparison<EscalationStep> ByDueAtThenKey = (a, b) =>
        a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.Key, b.Key);

    /// <summary>
    /// A warning that would go out once its deadline has passed says "about to be missed" of a promise already
    /// missed: the breach supersedes it (a step deferred to the next opening, a priority raised late, a sweep that
    /// was down).
    /// </summary>
    public static bool IsSupersededAt(EscalationStep step, Instant sendAt) =>
        step.Trigger == LadderTrigger.Warning && step.Deadline is { } deadline && deadline <= sendAt;

    /// <summary>
    /// A ladder step at the opening (the P1's duty manager, say) to a role the major-incident chain tells at the same
    /// moment: the chain's report says more (customer, symptoms, handling plan), so the role gets that one email and the
    /// ladder's step is superseded (marked produced, never sent; the SLA status and the timeline say why).
    /// </summary>
    public static bool IsCoveredByIncidentChain(EscalationStep step, IEnumerable<EscalationStep> planned)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(planned);
        return step.Trigger == LadderTrigger.Opened && step.ClockId != MajorIncidentPlanner.ChainClockId && planned.Any(chain =>
            chain.ClockId == MajorIncidentPlanner.ChainClockId && chain.Cycle == step.Cycle && string.Equals(chain.Role, step.Role, StringComparison.OrdinalIgnoreCase));
    }
}
