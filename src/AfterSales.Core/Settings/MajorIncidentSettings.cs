using AfterSales.Core.Sla;

namespace AfterSales.Core.Settings;

/// <summary>
/// The major incident rule (SPEC "Other policy rules"): a ticket of one of <see cref="Priorities"/> emails every role
/// of <see cref="Chain"/> at once; once resolved, its fault analysis report is due within <see cref="FaultReportDue"/>
/// on <see cref="FaultReportCalendar"/>.
/// </summary>
/// <param name="Priorities">Priorities that make a ticket a major incident; empty turns the rule off.</param>
/// <param name="Chain">Roles told at once, in order (each resolved in the ticket's team like a ladder role).</param>
public sealed record MajorIncidentSettings(
    IReadOnlySet<string> Priorities,
    IReadOnlyList<string> Chain,
    SlaTarget FaultReportDue,
    string FaultReportCalendar)
{
    public static MajorIncidentSettings Default { get; } = new(
        new HashSet<string>(StringComparer.Ordinal) { "P1" },
        [EscalationRoles.DutyManager, EscalationRoles.DepartmentHead, EscalationRoles.Manager],
        new SlaTarget(3, NodaTime.Duration.Zero),
        "Business");

    public bool IsIncident(string priority) => Priorities.Contains(priority);
}
