using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Azure.Hosting;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Functions.Tests.Infra;

/// <summary>
/// What `azd up` deploys, read from the compiled Bicep: an app Flex Consumption accepts, whose settings Linux accepts,
/// and which starts (every setting start-up requires is set, from a parameter azd asks for where nothing else can).
/// </summary>
public sealed partial class DeploymentTests
{
    // Sample answers to what azd asks, and the values Azure fills in (host names, Key Vault secrets once resolved).
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["emailFrom"] = "aftersales@example.com",
        ["ticketUrl"] = "https://helpdesk.example.com/tickets/{ticketId}",
        ["ownerEmail"] = "desk@example.com",
        ["supervisorEmail"] = "supervisor@example.com",
        ["departmentHeadEmail"] = "head@example.com",
        ["managerEmail"] = "manager@example.com",
        ["seniorManagerEmail"] = "senior@example.com",
        ["dutyManagerEmail"] = "duty@example.com",
        ["revisitTeamEmail"] = "revisits@example.com",
        ["smsAccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["smsFrom"] = "+14155550100",
        ["tableEndpoint"] = "https://stasdemo.table.core.windows.net/",
        ["tablePrefix"] = "AfterSales",
        ["serviceBusNamespaceHost"] = "sb-aftersales-demo.servicebus.windows.net",
        ["ticketEventsQueue"] = "ticket-events",
        ["notificationsQueue"] = "notifications",
        ["slaSweepSchedule"] = "*/15 * * * * *",
        ["outboxRecoverySchedule"] = "0 */5 * * * *",
        ["revisitsSchedule"] = "0 */5 * * * *",
        ["weeklyDigestSchedule"] = "0 */5 * * * *",
        ["monthlyReportSchedule"] = "0 */5 * * * *",
    };

    private static readonly string[] AskedFor =
    [
        "emailFrom", "ticketUrl", "ownerEmail", "supervisorEmail", "departmentHeadEmail", "managerEmail", "seniorManagerEmail",
        "dutyManagerEmail", "revisitTeamEmail", "smsAccountSid", "smsFrom",
    ];

    private static readonly Dictionary<string, string> ResolvedByAzure = new(StringComparer.Ordinal)
    {
        ["SmsInboundUrl"] = "https://func-4x2k7q3bz5m6c.azurewebsites.net/api/sms/inbound",
        ["Sms__StatusCallback"] = "https://func-4x2k7q3bz5m6c.azurewebsites.net/api/sms/status",
        ["Texts__SurveyLinkBase"] = "https://func-4x2k7q3bz5m6c.azurewebsites.net/api/s/",
        ["Email__SendGrid__ApiKey"] = "SG.0123456789abcdefghij.0123456789abcdefghij",
        ["Sms__AuthToken"] = "0123456789abcdef0123456789abcdef",
        ["Texts__SurveySigningKey"] = "0123456789abcdef0123456789abcdef0123456789abcdef",
        ["Storage__KeyHashSecret"] = "fedcba9876543210fedcba9876543210fedcba9876543210",
    };

    [Fact]
    public void Every_app_setting_name_is_one_linux_app_service_accepts()
    {
        Assert.NotEmpty(CompiledBicep.AppSettingNames);
        Assert.All(CompiledBicep.AppSettingNames, name => Assert.Matches(LinuxSettingName(), name));
    }

    [Fact]
    public void The_app_deployed_with_the_answers_azd_asks_for_passes_start_up_validation()
    {
        var values = CompiledBicep.AppSettings.ToDictionary(
            s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)ValueOf(s.Key, s.Value), StringComparer.OrdinalIgnoreCase);
        var options = new AfterSalesOptions();

        var error = Record.Exception(() => options.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));

        Assert.True(error is null, $"The deployed app would stop at start-up: {error?.Message}");
    }

    [Fact]
    public void Defaults_the_code_already_has_are_not_deployed_again()
    {
        Assert.DoesNotContain(CompiledBicep.AppSettingNames, n => n.StartsWith("Sla__", StringComparison.Ordinal) || n.StartsWith("Calendars__", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(RepositoryRoot.Find(), "infra", "aftersales-settings.json")));
    }

    [Fact]
    public void What_only_the_deployment_knows_is_a_parameter_azd_asks_for_and_secrets_are_required()
    {
        var parameters = CompiledBicep.Main.GetProperty("parameters");
        foreach (var name in AskedFor)
            Assert.False(parameters.GetProperty(name).TryGetProperty("defaultValue", out _), $"{name} has a default: azd would not ask for it");
        foreach (var secret in new[] { "sendGridApiKey", "smsAuthToken", "surveySigningKey", "keyHashSecret" })
        {
            Assert.Equal("securestring", parameters.GetProperty(secret).GetProperty("type").GetString());
            Assert.False(parameters.GetProperty(secret).TryGetProperty("defaultValue", out _), $"{secret} may be left empty");
        }
        var secretResource = CompiledBicep.Resource("keyVault", "Microsoft.KeyVault/vaults/secrets");
        Assert.False(secretResource.TryGetProperty("condition", out _), "a secret may be skipped, leaving a Key Vault reference that points at nothing");
    }

    [Fact]
    public void The_site_sets_no_property_flex_consumption_rejects()
    {
        var site = CompiledBicep.Resource("functionApp", "Microsoft.Web/sites");
        var siteConfig = site.GetProperty("properties").GetProperty("siteConfig");
        string[] rejected = ["ftpsState", "alwaysOn", "linuxFxVersion", "use32BitWorkerProcess", "javaVersion", "netFrameworkVersion", "functionAppScaleLimit", "minimumElasticInstanceCount", "preWarmedInstanceCount"];
        foreach (var property in rejected) Assert.False(siteConfig.TryGetProperty(property, out _), $"siteConfig.{property} is rejected on Flex Consumption sites");
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
    }

    [Fact]
    public void Urls_are_derived_from_the_host_name_the_app_got_not_from_its_name()
    {
        Assert.Contains("defaultHostName", CompiledBicep.AppSettings["SmsInboundUrl"], StringComparison.Ordinal);
        Assert.Contains("defaultHostName", CompiledBicep.AppSettings["Texts__SurveyLinkBase"], StringComparison.Ordinal);
        Assert.Contains("defaultHostName", CompiledBicep.AppSettings["Sms__StatusCallback"], StringComparison.Ordinal);
        Assert.Contains("/api/sms/status", CompiledBicep.AppSettings["Sms__StatusCallback"], StringComparison.Ordinal);
        Assert.DoesNotContain("azurewebsites.net", CompiledBicep.AppSettings["SmsInboundUrl"], StringComparison.Ordinal);
        Assert.Contains("publicBaseUrl", CompiledBicep.AppSettings["SmsInboundUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_provision_after_azd_down_gets_a_key_vault_name_no_soft_deleted_vault_holds()
    {
        var name = CompiledBicep.Module("keyVault").GetProperty("parameters").GetProperty("name").ToString();
        Assert.Contains("keyVaultNameSeed", name, StringComparison.Ordinal);
        Assert.Equal("[utcNow()]", CompiledBicep.Main.GetProperty("parameters").GetProperty("keyVaultNameSeed").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void The_deploying_principal_may_be_a_service_principal()
    {
        var assignment = CompiledBicep.ModuleTemplate("roles").GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("properties").GetProperty("principalId").GetString()!.Contains("userPrincipalId", StringComparison.Ordinal));
        Assert.Equal("[parameters('userPrincipalType')]", assignment.GetProperty("properties").GetProperty("principalType").GetString());
        var allowed = CompiledBicep.Main.GetProperty("parameters").GetProperty("principalType").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString());
        Assert.Equal(["User", "ServicePrincipal"], allowed);
    }

    [Fact]
    public void Instances_may_have_512_mb_the_default()
    {
        var memory = CompiledBicep.Main.GetProperty("parameters").GetProperty("instanceMemoryMB");
        Assert.Contains(512, memory.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(512, memory.GetProperty("defaultValue").GetInt32());
    }

    private static string ValueOf(string name, string expression)
    {
        if (ResolvedByAzure.TryGetValue(name, out var resolved)) return resolved;
        if (!expression.StartsWith('[')) return expression;
        var parameter = ParameterReference().Match(expression);
        if (parameter.Success && Answers.TryGetValue(parameter.Groups[1].Value, out var answer)) return answer;
        return "set-by-azure";
    }

    [GeneratedRegex("^[A-Za-z0-9_.]+$")]
    private static partial Regex LinuxSettingName();

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();
}
