using System.Text.Json;

namespace AfterSales.Functions.Tests.Infra;

/// <summary>Issue 12's infrastructure hardening, read from the compiled Bicep: TLS, purge protection, network rules, basic auth, narrow roles.</summary>
public sealed class HardeningTests
{
    [Fact]
    public void Every_endpoint_requires_tls_1_2_or_later()
    {
        Assert.Equal("TLS1_2", Properties("storage", "Microsoft.Storage/storageAccounts").GetProperty("minimumTlsVersion").GetString());
        Assert.Equal("1.2", Properties("serviceBus", "Microsoft.ServiceBus/namespaces").GetProperty("minimumTlsVersion").GetString());
        var siteConfig = Properties("functionApp", "Microsoft.Web/sites").GetProperty("siteConfig");
        Assert.Equal("1.2", siteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("1.2", siteConfig.GetProperty("scmMinTlsVersion").GetString());
        Assert.True(Properties("functionApp", "Microsoft.Web/sites").GetProperty("httpsOnly").GetBoolean());
    }

    [Fact]
    public void The_key_vault_has_purge_protection()
    {
        var vault = Properties("keyVault", "Microsoft.KeyVault/vaults");
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
    }

    [Fact]
    public void Basic_auth_publishing_is_off_for_ftp_and_scm()
    {
        var policies = Resources("functionApp").Where(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(p => p.GetProperty("name").GetString()!.Split('\'').Reverse().Skip(1).First()).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void Network_rules_are_an_option_off_by_default_that_denies_the_internet_on_storage_and_key_vault()
    {
        var restrict = CompiledBicep.Main.GetProperty("parameters").GetProperty("restrictNetworkAccess");
        Assert.False(restrict.GetProperty("defaultValue").GetBoolean());
        foreach (var (module, type) in new[] { ("storage", "Microsoft.Storage/storageAccounts"), ("keyVault", "Microsoft.KeyVault/vaults") })
        {
            var acls = Properties(module, type).GetProperty("networkAcls").GetString()!;
            Assert.StartsWith("[if(parameters('restrictNetworkAccess'), createObject('defaultAction', 'Deny', 'bypass', 'AzureServices'", acls, StringComparison.Ordinal);
            Assert.Contains("'virtualNetworkRules'", acls, StringComparison.Ordinal);
            Assert.Equal("[parameters('restrictNetworkAccess')]", CompiledBicep.Module(module).GetProperty("parameters").GetProperty("restrictNetworkAccess").GetProperty("value").GetString());
        }
        Assert.Equal("[parameters('restrictNetworkAccess')]", CompiledBicep.Main.GetProperty("resources").GetProperty("network").GetProperty("condition").GetString());
        Assert.Contains("appSubnetId", Properties("functionApp", "Microsoft.Web/sites").GetProperty("virtualNetworkSubnetId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_may_send_only_to_notifications_read_only_its_two_queues_and_has_no_storage_queue_role()
    {
        var assignments = Resources("roles")
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .Select(r => (Role: RoleOf(r), Scope: r.GetProperty("scope").GetString()!))
            .ToList();

        Assert.Equal([NotificationsQueue], assignments.Where(a => a.Role == "serviceBusDataSender").Select(a => a.Scope));
        Assert.Equal([NotificationsQueue, TicketEventsQueue],
            assignments.Where(a => a.Role == "serviceBusDataReceiver").Select(a => a.Scope).Order(StringComparer.Ordinal));
        Assert.All(assignments.Where(a => a.Scope.Contains("ServiceBus", StringComparison.Ordinal)),
            a => Assert.Contains("Microsoft.ServiceBus/namespaces/queues", a.Scope, StringComparison.Ordinal));
        Assert.False(CompiledBicep.ModuleTemplate("roles").GetProperty("variables").GetProperty("roleIds").TryGetProperty("storageQueueDataContributor", out _));
        Assert.Equal(
            ["[resourceId('Microsoft.Storage/storageAccounts/blobServices', parameters('storageAccountName'), 'default')]",
             "[resourceId('Microsoft.Storage/storageAccounts/tableServices', parameters('storageAccountName'), 'default')]"],
            assignments.Where(a => a.Scope.Contains("Microsoft.Storage", StringComparison.Ordinal)).Select(a => a.Scope).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Azd_outputs_the_helpdesk_key_name_and_the_command_that_makes_it_a_key_of_the_ingestion_function_only()
    {
        var outputs = CompiledBicep.Main.GetProperty("outputs");
        Assert.Equal("helpdesk", outputs.GetProperty("AFTERSALES_HELPDESK_KEY_NAME").GetProperty("value").GetString());
        var command = outputs.GetProperty("AFTERSALES_HELPDESK_KEY_COMMAND").GetProperty("value").GetString()!;
        Assert.Contains("function keys set", command, StringComparison.Ordinal);
        Assert.Contains("--function-name TicketEventsHttp --key-name helpdesk", command, StringComparison.Ordinal);
    }

    private const string TicketEventsQueue = "[resourceId('Microsoft.ServiceBus/namespaces/queues', parameters('serviceBusName'), parameters('ticketEventsQueue'))]";
    private const string NotificationsQueue = "[resourceId('Microsoft.ServiceBus/namespaces/queues', parameters('serviceBusName'), parameters('notificationsQueue'))]";

    private static string RoleOf(JsonElement assignment)
    {
        var id = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
        const string Marker = "variables('roleIds').";
        var at = id.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? id : id[(at + Marker.Length)..].TrimEnd(')', ']');
    }

    private static IEnumerable<JsonElement> Resources(string module)
    {
        var resources = CompiledBicep.ModuleTemplate(module).GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray() : resources.EnumerateObject().Select(p => p.Value);
    }

    private static JsonElement Properties(string module, string type) =>
        Resources(module).Single(r => r.GetProperty("type").GetString() == type).GetProperty("properties");
}
