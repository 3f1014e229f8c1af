using AfterSales.Core.Calendars;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>
/// Binds the AfterSales settings of the sections <c>Calendars</c>, <c>Sla</c>, <c>Escalation</c>, <c>Events</c>,
/// <c>Email</c> and <c>Sweep</c> and validates them; any key under them that is not a setting is an error. The host reads every section
/// (these, <c>Texts</c>, <c>Revisits</c>, <c>Sms</c>, <c>Storage</c> and the host settings) through one entry,
/// <c>AfterSalesOptions.Read</c> in AfterSales.Azure.
/// </summary>
public static class SettingsLoader
{
    /// <summary>Reads settings from a configuration that already has <see cref="SettingsDefaults.Values"/> as its first layer.</summary>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static AfterSalesSettings Load(IConfiguration configuration)
    {
        var errors = new SettingsErrors();
        var (calendars, calendarNames) = CalendarSettingsReader.Read(configuration.GetSection("Calendars"), errors);
        var (sla, knownPriorities) = SlaSettingsReader.Read(configuration.GetSection("Sla"), calendarNames, errors);
        var escalation = EscalationSettingsReader.Read(configuration.GetSection("Escalation"), knownPriorities, errors);
        var events = EventSettingsReader.Read(configuration.GetSection("Events"), errors);
        var email = EmailSettingsReader.Read(configuration.GetSection("Email"), errors);
        var sweep = SweepSettingsReader.Read(configuration.GetSection("Sweep"), errors);
        var incident = PolicyRuleSettingsReader.ReadMajorIncident(configuration.GetSection("MajorIncident"), knownPriorities, calendarNames, errors);
        var strikes = PolicyRuleSettingsReader.ReadThreeStrikes(configuration.GetSection("ThreeStrikes"), errors);
        var coverage = PolicyRuleSettingsReader.ReadCalendarCoverage(configuration.GetSection("CalendarCoverage"), errors);
        RoleAddresses.Check(escalation, configuration.GetSection("Escalation"), errors, RuleRoles(incident, strikes));
        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        return new AfterSalesSettings(calendars, sla, escalation, events, email)
        {
            Sweep = sweep,
            MajorIncident = incident,
            ThreeStrikes = strikes,
            CalendarCoverage = coverage,
        };
    }

    /// <summary>The roles the policy rules send to besides the ladder, each with the setting that names it.</summary>
    private static IEnumerable<(string Role, string UsedBy)> RuleRoles(MajorIncidentSettings incident, ThreeStrikesSettings strikes)
    {
        if (incident.Priorities.Count > 0)
            foreach (var role in incident.Chain) yield return (role, "MajorIncident__Chain");
        if (strikes.IsOn) yield return (strikes.Role, "ThreeStrikes__Role");
    }

    /// <summary>Layers <paramref name="overrides"/> over <see cref="SettingsDefaults.Values"/>, then <see cref="Load"/>s.</summary>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static AfterSalesSettings LoadWithDefaults(IConfiguration overrides) => Load(WithDefaults(overrides));

    /// <summary><paramref name="overrides"/> layered over <see cref="SettingsDefaults.Values"/>.</summary>
    public static IConfiguration WithDefaults(IConfiguration overrides) =>
        // The values are copied rather than chained with AddConfiguration, which treats an empty value as unset,
        // so that an empty override (an Update target set to none) wins over its default.
        new ConfigurationBuilder()
            .AddInMemoryCollection(SettingsDefaults.Values)
            .AddInMemoryCollection(overrides.AsEnumerable())
            .Build();

    /// <summary>
    /// The calendars that are valid, for reading the sections that refer to them (<c>Texts:HolidayCalendar</c>) even
    /// when another section is wrong, so that start-up lists the bad keys of every section at once. The errors of the
    /// calendars themselves are reported by <see cref="Load"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, BusinessCalendar> ValidCalendars(IConfiguration configuration) =>
        CalendarSettingsReader.Read(configuration.GetSection("Calendars"), new SettingsErrors()).Calendars;

    /// <summary>The top-level host settings (<see cref="HostSettings"/>) and, for the host, the revisit team's address.</summary>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static HostSettings LoadHost(IConfiguration configuration, SettingsScope scope)
    {
        var errors = new SettingsErrors();
        var host = HostSettingsReader.Read(configuration, scope, errors);
        if (scope == SettingsScope.Host) RoleAddresses.CheckRevisitTeam(configuration.GetSection("Escalation"), errors);
        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        return host;
    }
}
