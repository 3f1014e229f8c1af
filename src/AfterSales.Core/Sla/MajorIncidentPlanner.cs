using AfterSales.Core.Calendars;
using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Tickets;

namespace AfterSales.Core.Sla;

/// <summary>
/// The major incident rule as clocks and steps of the engine: a ticket of an incident priority reports to every role
/// of the chain at once (one step each, <c>major-incident-…</c>); once its cycle is resolved the fault analysis report
/// clock runs on its own calendar, with a reminder to the owner at the warning share (<c>fault-report-reminder</c>)
/// and the manager told at the deadline (<c>fault-report-late</c>), until <c>FaultReportFiled</c> stops it.
/// </summary>
public sealed class MajorIncidentPlanner(
    MajorIncidentSettings settings, IReadOnlyDictionary<string, BusinessCalendar> calendars, double warningShare, RecipientDirectory recipients)
{
    public const string ChainClockId = "major-incident";
    public const string FaultReportClockId = "fault-report";
    public const string ReminderLevel = "fault-report-reminder";
    public const string LateLevel = "fault-report-late";

    public const string ChainExpectation = "Major incident: check the handling plan now and report it up the chain to top management.";
    public const string ReminderExpectation = "File the fault analysis report (cause, how to avoid a repeat) before the deadline.";
    public const string LateExpectation = "The fault analysis report is late: make sure the owner files it.";

    /// <summary>The calendar the fault analysis report is due on (24x7 when settings name none that exists).</summary>
    public BusinessCalendar FaultReportCalendar { get; } =
        calendars.TryGetValue(settings.FaultReportCalendar, out var calendar) ? calendar : BusinessCalendar.TwentyFourSeven();

    /// <summary><c>DutyManager</c> → <c>major-incident-duty-manager</c>.</summary>
    public static string ChainLevel(string role) =>
        ChainClockId + "-" + string.Concat(role.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public bool IsIncident(string priority) => settings.IsIncident(priority);

    /// <summary>One step per role of the chain, due at the start of the cycle (at once for a ticket raised to an incident priority later).</summary>
    public IEnumerable<EscalationStep> Chain(TicketFacts facts, TicketCycle cycle, string priority)
    {
        if (!settings.IsIncident(priority)) yield break;
        var team = facts.Opened?.Team ?? "";
        foreach (var role in settings.Chain.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var level = ChainLevel(role);
            yield return new EscalationStep(
                EscalationStep.KeyFor(facts.TicketId, ChainClockId, level, cycle.Number), facts.TicketId, cycle.Number, level,
                LadderTrigger.Opened, null, ChainClockId, role, recipients.Resolve(role, team, facts.Owner), cycle.Start, cycle.Start, null,
                ChainExpectation);
        }
    }

    /// <summary>
    /// The fault analysis report clock of a resolved incident cycle: from the resolution, the report target in working
    /// time; a report filed before the resolution counts as filed at it. Null while the cycle is open or not an incident.
    /// </summary>
    public ClockRun? FaultReportClock(TicketFacts facts, TicketCycle cycle, string priority)
    {
        if (!settings.IsIncident(priority) || cycle.End is not { } resolvedAt) return null;
        var calendar = FaultReportCalendar;
        var target = settings.FaultReportDue.On(calendar);
        var filed = facts.FaultReports.FirstOrDefault(r => r.OccurredAt >= cycle.Start)?.OccurredAt;
        var stoppedAt = filed is { } at ? NodaTime.Instant.Max(at, resolvedAt) : (NodaTime.Instant?)null;
        return new ClockRun(
            ClockKind.FaultReport, FaultReportClockId, cycle.Number, resolvedAt, target, calendar.Name,
            calendar.AddWorkingTime(resolvedAt, target * warningShare),
            calendar.AddWorkingTime(resolvedAt, target),
            stoppedAt,
            stoppedAt is null ? null : nameof(FaultReportFiled),
            stoppedAt is { } stop ? calendar.WorkingTimeBetween(resolvedAt, stop) : null);
    }

    /// <summary>The reminder at the warning point and the late notice at the deadline, each unless the report was filed before.</summary>
    public IEnumerable<EscalationStep> FaultReportSteps(TicketFacts facts, ClockRun clock)
    {
        var team = facts.Opened?.Team ?? "";
        if (clock.WarningAt is { } warning && !(clock.StoppedAt <= warning))
            yield return Step(facts, clock, ReminderLevel, LadderTrigger.Warning, EscalationRoles.Owner, warning, ReminderExpectation, team);
        if (clock.Deadline is { } deadline && !(clock.StoppedAt <= deadline))
            yield return Step(facts, clock, LateLevel, LadderTrigger.Breach, EscalationRoles.Manager, deadline, LateExpectation, team);
    }

    private EscalationStep Step(
        TicketFacts facts, ClockRun clock, string level, LadderTrigger trigger, string role, NodaTime.Instant at, string expectation, string team) =>
        new(EscalationStep.KeyFor(facts.TicketId, FaultReportClockId, level, clock.Cycle), facts.TicketId, clock.Cycle, level, trigger,
            ClockKind.FaultReport, FaultReportClockId, role, recipients.Resolve(role, team, facts.Owner), at, at, clock.Deadline, expectation);
}
