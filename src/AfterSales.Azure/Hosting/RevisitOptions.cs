using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Hosting;

/// <summary>
/// The settings of revisits and of the customer webhooks, validated on start: the <c>Texts</c> and <c>Revisits</c>
/// sections, the revisit team's address in the default team, and <c>Sms__AuthToken</c> (it checks Twilio's signature).
/// </summary>
public sealed class RevisitOptions
{
    public TextSettings Texts { get; private set; } = null!;

    public RevisitSettings Revisits { get; private set; } = null!;

    public string SmsAuthToken { get; private set; } = "";

    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public void Load(IConfiguration configuration, AfterSalesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<SettingsError>();
        Texts = Collect(() => TextSettingsLoader.LoadWithDefaults(configuration, settings), errors)!;
        Revisits = Collect(() => RevisitSettingsLoader.LoadWithDefaults(configuration), errors)!;
        var team = settings.Escalation.DefaultTeam;
        if (settings.Escalation.AddressFor(team, EscalationRoles.RevisitTeam) is null)
            errors.Add(new SettingsError($"Escalation__Teams__{team}__{EscalationRoles.RevisitTeam}", "is required: the daily revisit call list is sent to it"));
        SmsAuthToken = configuration["Sms:AuthToken"] ?? "";
        if (string.IsNullOrWhiteSpace(SmsAuthToken))
            errors.Add(new SettingsError("Sms__AuthToken", "is required: it checks the X-Twilio-Signature of customer replies"));
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
