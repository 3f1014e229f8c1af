using AfterSales.Azure.Messaging;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Core.Revisits;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Hosting;

/// <summary>Every setting the service reads, bound and validated together so that start-up lists every bad key at once.</summary>
public sealed class AfterSalesOptions
{
    public AfterSalesSettings Settings { get; private set; } = null!;

    public StorageSettings Storage { get; private set; } = null!;

    /// <summary>The <c>Texts</c> section (customer texts: quiet hours, budget, templates, survey signing).</summary>
    public TextSettings Texts { get; private set; } = null!;

    /// <summary>The <c>Sms</c> section (the Twilio account).</summary>
    public TwilioSettings Sms { get; private set; } = null!;

    /// <summary>The <c>Revisits</c> section (the revisit programme).</summary>
    public RevisitSettings Revisits { get; private set; } = null!;

    /// <summary>The Service Bus connection and the notifications queue the sweep sends to.</summary>
    public ServiceBusSettings ServiceBus { get; private set; } = null!;

    /// <exception cref="SettingsValidationException">Lists every bad key of every section.</exception>
    public void Load(IConfiguration configuration)
    {
        var errors = new List<SettingsError>();
        Settings = Collect(() => SettingsLoader.LoadWithDefaults(configuration), errors)!;
        Storage = Collect(() => StorageSettingsLoader.Load(configuration), errors)!;
        // The Texts section refers to the core settings' calendars: it is read when those could be.
        if (Settings is not null) Texts = Collect(() => TextSettingsLoader.LoadWithDefaults(configuration, Settings), errors)!;
        Sms = Collect(() => TwilioSettingsLoader.Load(configuration), errors)!;
        Revisits = Collect(() => RevisitSettingsLoader.LoadWithDefaults(configuration), errors)!;
        ServiceBus = Collect(() => ServiceBusSettingsLoader.Load(configuration), errors)!;
        if (Settings is not null && Settings.Escalation.AddressFor(Settings.Escalation.DefaultTeam, EscalationRoles.RevisitTeam) is null)
        {
            errors.Add(new SettingsError(
                $"Escalation__Teams__{Settings.Escalation.DefaultTeam}__{EscalationRoles.RevisitTeam}", "is required: the daily revisit call list is sent to it"));
        }
        if (errors.Count > 0) throw new SettingsValidationException(errors);
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
