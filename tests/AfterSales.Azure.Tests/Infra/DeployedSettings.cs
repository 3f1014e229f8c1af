using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AfterSales.Azure.Tests.Support;

namespace AfterSales.Azure.Tests.Infra;

/// <summary>
/// The app settings <c>azd up</c> gives the function app, in colon form: <c>infra/aftersales-settings.json</c> (the
/// <c>aftersalesSettings</c> parameter left empty), the host settings of <c>modules/functionapp.bicep</c> with the
/// parameter defaults of <c>main.bicep</c>, and the Key Vault secrets as placeholders (App Service resolves the
/// references before the app reads them). The one place to re-point when infra changes what it deploys.
/// </summary>
internal static partial class DeployedSettings
{
    private static readonly string Infra = Path.Combine(RepositoryRoot.Find(), "infra");

    public static Dictionary<string, string?> Load()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "aftersales-settings.json")))!.AsObject()
            .ToDictionary(p => ColonForm(p.Key), p => (string?)p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        var main = File.ReadAllText(Path.Combine(Infra, "main.bicep"));
        values["TicketEventsQueue"] = "ticket-events";
        values["NotificationsQueue"] = "notifications";
        values["SlaSweepSchedule"] = ParameterDefault(main, "slaSweepSchedule");
        values["OutboxRecoverySchedule"] = ParameterDefault(main, "outboxRecoverySchedule");
        values["RevisitsSchedule"] = ParameterDefault(main, "revisitsSchedule");
        values["SmsInboundUrl"] = "https://func-aftersales.azurewebsites.net/api/sms/inbound";
        values["Storage:TableServiceUri"] = "https://staftersales.table.core.windows.net";
        values["Storage:TablePrefix"] = ParameterDefault(main, "tablePrefix");
        values["Email:SendGrid:ApiKey"] = "SG.placeholder-secret";
        values["Sms:AuthToken"] = "placeholder-twilio-auth-token";
        values["Texts:SurveySigningKey"] = "placeholder-survey-signing-key-0123456789";
        return values;
    }

    public static string ColonForm(string key) => key.Replace("__", ":", StringComparison.Ordinal);

    private static string ParameterDefault(string bicep, string name)
    {
        var match = Regex.Match(bicep, $@"^param {name} string = '([^']*)'", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"main.bicep has no default for {name}");
    }
}
