using AfterSales.Azure.Messaging;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Hosting;

/// <summary>
/// Every setting the service reads, bound and validated together so that start-up lists every bad key of every
/// section at once. <see cref="Read"/> is the one validation: the host (<c>AddAfterSales</c>),
/// <c>aftersales settings check</c> and <c>aftersales simulate</c> all call it.
/// </summary>
public sealed class AfterSalesOptions
{
    public AfterSalesSettings Settings { get; private set; } = null!;

    /// <summary>The <c>Storage</c> section; null only in a simulation that sets none of it.</summary>
    public StorageSettings Storage { get; private set; } = null!;

    /// <summary>The <c>Texts</c> section (customer texts: quiet hours, budget, templates, survey signing).</summary>
    public TextSettings Texts { get; private set; } = null!;

    /// <summary>The <c>Sms</c> section (the Twilio account); null only in a simulation that sets none of it.</summary>
    public TwilioSettings Sms { get; private set; } = null!;

    /// <summary>The <c>Revisits</c> section (the revisit programme).</summary>
    public RevisitSettings Revisits { get; private set; } = null!;

    /// <summary>The <c>Reports</c> section (weekly digest, monthly report).</summary>
    public ReportSettings Reports { get; private set; } = null!;
    /// <summary>The <c>Retention</c> section: how long message bodies and processed webhook ids are kept.</summary>
    public RetentionSettings Retention { get; private set; } = null!;

    /// <summary>The Service Bus connection and the notifications queue the sweep sends to.</summary>
    public ServiceBusSettings ServiceBus { get; private set; } = null!;

    /// <summary>The top-level settings the triggers name (queues, schedules) and <c>SmsInboundUrl</c>.</summary>
    public HostSettings Host { get; private set; } = null!;

    /// <summary>
    /// Reads and validates every section: <c>Calendars</c>, <c>Sla</c>, <c>Escalation</c>, <c>Events</c>, <c>Email</c>,
    /// <c>Texts</c>, <c>Revisits</c>, <c>Reports</c>, <c>Retention</c>, <c>Sms</c>, <c>Storage</c> and the host settings, each layered over
    /// <see cref="SettingsDefaults.Values"/>.
    /// </summary>
    /// <param name="configuration">App settings (environment variables, a settings file), with or without the defaults.</param>
    /// <param name="scope">The host requires every deployment setting; a simulation checks those only when set.</param>
    /// <exception cref="SettingsValidationException">Lists every bad key of every section.</exception>
    public static AfterSalesOptions Read(IConfiguration configuration, SettingsScope scope = SettingsScope.Host)
    {
        var withDefaults = SettingsLoader.WithDefaults(configuration);
        var errors = new List<SettingsError>();
        var options = new AfterSalesOptions();
        options.Settings = Collect(() => SettingsLoader.Load(withDefaults), errors)!;
        // The Texts section refers to calendars: it is read with the valid ones even when another section is wrong.
        var calendars = options.Settings?.Calendars ?? SettingsLoader.ValidCalendars(withDefaults);
        options.Texts = Collect(() => TextSettingsLoader.Load(withDefaults, calendars), errors)!;
        options.Revisits = Collect(() => RevisitSettingsLoader.Load(withDefaults), errors)!;
        options.Reports = Collect(() => ReportSettingsLoader.Load(withDefaults, calendars), errors)!;
        options.Retention = Collect(() => RetentionSettingsLoader.Load(withDefaults), errors)!;
        if (scope == SettingsScope.Host || SettingsDefaults.AreChangedUnder(withDefaults, "Storage"))
            options.Storage = Collect(() => StorageSettingsLoader.Load(withDefaults), errors)!;
        if (scope == SettingsScope.Host || SettingsDefaults.AreChangedUnder(withDefaults, "Sms"))
            options.Sms = Collect(() => TwilioSettingsLoader.Load(withDefaults), errors)!;
        options.Host = Collect(() => SettingsLoader.LoadHost(withDefaults, scope), errors)!;
        if (scope == SettingsScope.Host) options.ServiceBus = Collect(() => ServiceBusSettingsLoader.Load(withDefaults), errors)!;
        var unresolved = SecretSettings.UnresolvedReferences(withDefaults).ToList();
        errors.RemoveAll(e => unresolved.Any(u => u.Key == e.Key));
        errors.AddRange(unresolved);
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return options;
    }

    /// <summary>For the options pattern (<c>ValidateOnStart</c>): <see cref="Read"/> for the host.</summary>
    /// <exception cref="SettingsValidationException">Lists every bad key of every section.</exception>
    public void Load(IConfiguration configuration)
    {
        var read = Read(configuration);
        Settings = read.Settings;
        Storage = read.Storage;
        Texts = read.Texts;
        Sms = read.Sms;
        Revisits = read.Revisits;
        Reports = read.Reports;
        Retention = read.Retention;
        Host = read.Host;
        ServiceBus = read.ServiceBus;
    }

    private static T? Collect<T>(Func<T> load, List<SettingsError> errors) where T : class
    {
        try
        {
            return load();
        }
        catch (SettingsValidationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }
}
