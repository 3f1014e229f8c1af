using AfterSales.Core.Calendars;
using AfterSales.Core.Sla;

namespace AfterSales.Core.Settings;

/// <summary>Everything an admin configures, bound and validated (see <see cref="SettingsLoader"/>).</summary>
public sealed record AfterSalesSettings(
    IReadOnlyDictionary<string, BusinessCalendar> Calendars,
    SlaSettings Sla,
    EscalationSettings Escalation,
    EventSettings Events,
    EmailSettings Email)
{
    public MajorIncidentSettings MajorIncident { get; init; } = MajorIncidentSettings.Default;

    public ThreeStrikesSettings ThreeStrikes { get; init; } = ThreeStrikesSettings.Default;

    public CalendarCoverageSettings CalendarCoverage { get; init; } = CalendarCoverageSettings.Default;

    /// <summary>The <c>Sweep</c> section: how the SLA sweep works through what is due.</summary>
    public SweepSettings Sweep { get; init; } = SweepSettings.Default;
}

/// <param name="MaxParallelism">Tickets the SLA sweep works on at once (<c>Sweep__MaxParallelism</c>).</param>
public sealed record SweepSettings(int MaxParallelism)
{
    public static SweepSettings Default { get; } = new(Application.DueSweep.DefaultMaxParallelism);
}

/// <param name="WarningAt">Share of each target at which the warning step is due (0 &lt; x &lt; 1).</param>
/// <param name="Policies">Ordered by precedence.</param>
public sealed record SlaSettings(double WarningAt, IReadOnlyList<SlaPolicy> Policies)
{
    /// <summary>Every priority some policy names: P1..P4 and any named priority an admin added.</summary>
    public IReadOnlySet<string> KnownPriorities { get; } =
        Policies.SelectMany(p => p.Priorities).ToHashSet(StringComparer.Ordinal);
}

/// <param name="Teams">Role addresses per team; the team named <see cref="DefaultTeam"/> fills any role a team lacks.</param>
public sealed record EscalationSettings(
    IReadOnlyList<LadderLevel> Ladder,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Teams,
    string DefaultTeam)
{
    /// <summary>The address of <paramref name="role"/> in <paramref name="team"/>, else in the default team; null when neither has one.</summary>
    public string? AddressFor(string team, string role) => Find(team, role) ?? Find(DefaultTeam, role);

    private string? Find(string team, string role) =>
        Teams.TryGetValue(team, out var roles) && roles.TryGetValue(role, out var address) ? address : null;
}

/// <param name="MaxFutureSkew">An event whose occurredAt is further ahead of now than this is rejected.</param>
public sealed record EventSettings(NodaTime.Duration MaxFutureSkew)
{
    /// <summary>An event with a time further back than this (occurredAt, a visit, a promise) is rejected.</summary>
    public NodaTime.Duration MaxPastAge { get; init; } = Events.EventTimeWindow.DefaultMaxPastAge;

    /// <summary>A visit or a promise further ahead than this is rejected.</summary>
    public NodaTime.Duration MaxScheduleAhead { get; init; } = Events.EventTimeWindow.DefaultMaxScheduleAhead;

    /// <summary>How long a rejected event is kept (by whole UTC days) before the outbox recovery deletes it.</summary>
    public NodaTime.Duration RejectedRetention { get; init; } = Application.RejectedEventRetention.Default;

    public Events.EventTimeWindow Window => new(MaxFutureSkew, MaxPastAge, MaxScheduleAhead);
}
