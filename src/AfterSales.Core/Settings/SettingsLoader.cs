using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>
/// Binds every AfterSales setting from configuration and validates it. Only the sections <c>Calendars</c>,
/// <c>Sla</c>, <c>Escalation</c>, <c>Events</c> and <c>Email</c> are read; any key under them that is not a setting is an error.
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
        RoleAddresses.Check(escalation, configuration.GetSection("Escalation"), errors);
        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        return new AfterSalesSettings(calendars, sla, escalation, events, email);
    }

    /// <summary>Layers <paramref name="overrides"/> over <see cref="SettingsDefaults.Values"/>, then <see cref="Load"/>s.</summary>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static AfterSalesSettings LoadWithDefaults(IConfiguration overrides) =>
        // The values are copied rather than chained with AddConfiguration, which treats an empty value as unset,
        // so that an empty override (an Update target set to none) wins over its default.
        Load(new ConfigurationBuilder()
            .AddInMemoryCollection(SettingsDefaults.Values)
            .AddInMemoryCollection(overrides.AsEnumerable())
            .Build());
}
