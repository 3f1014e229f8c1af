using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Functions.Tests.Infra;
using AfterSales.Functions.Tests.Support;

namespace AfterSales.Functions.Tests.Metadata;

/// <summary>
/// The generated <c>functions.metadata</c>: every function the app has, its trigger, route and authorization level,
/// and every app setting a binding names, defined where the app runs (Bicep) and locally (the settings template).
/// </summary>
public sealed partial class FunctionsMetadataTests
{
    private static readonly (string Name, string Trigger, string? Route, string? AuthLevel)[] Expected =
    [
        ("Health", "httpTrigger", "health", "Function"),
        ("ListQuarantinedTickets", "httpTrigger", "quarantined-tickets", "Admin"),
        ("ListRejectedEvents", "httpTrigger", "rejected-events", "Admin"),
        ("MonthlyReports", "timerTrigger", null, null),
#if SERVICE_BUS_TRIGGERS
        ("Notifications", "serviceBusTrigger", null, null),
#endif
        ("OutboxRecovery", "timerTrigger", null, null),
        ("ReplayQuarantinedTicket", "httpTrigger", "quarantined-tickets/{ticketId}/replay", "Admin"),
        ("ReplayRejectedEvent", "httpTrigger", "rejected-events/{id}/replay", "Admin"),
        ("RevisitOutcome", "httpTrigger", "revisits/{date}/{installationId}/outcome", "Admin"),
        ("Revisits", "timerTrigger", null, null),
        ("SlaSweep", "timerTrigger", null, null),
        ("SmsInbound", "httpTrigger", "sms/inbound", "Anonymous"),
        ("SmsStatus", "httpTrigger", "sms/status", "Anonymous"),
        ("SurveyResponse", "httpTrigger", "s/{token?}", "Anonymous"),
#if SERVICE_BUS_TRIGGERS
        ("TicketEvents", "serviceBusTrigger", null, null),
#endif
        ("TicketEventsHttp", "httpTrigger", "tickets/events", "Function"),
        ("TicketSla", "httpTrigger", "tickets/{id}/sla", "Admin"),
        ("WeeklyDigests", "timerTrigger", null, null),
    ];

    public static TheoryData<string> BindingSettings => new(SettingsNamedByBindings());

    [Fact]
    public void The_app_has_exactly_these_functions_with_their_triggers_routes_and_levels()
    {
        var actual = PublishedApp.Functions
            .Select(f => (f.Name, f.Trigger["type"], f.Trigger.GetValueOrDefault("route"), f.Trigger.GetValueOrDefault("authLevel")))
            .OrderBy(f => f.Name, StringComparer.Ordinal);

        Assert.Equal(Expected, actual);
    }

    [Fact]
    public void Timers_run_on_schedules_from_settings_and_http_functions_answer_with_their_return_value()
    {
        foreach (var function in PublishedApp.Functions.Where(f => f.Trigger["type"] == "timerTrigger"))
            Assert.Matches(SettingReference(), function.Trigger["schedule"]);
        foreach (var function in PublishedApp.Functions.Where(f => f.Trigger["type"] == "httpTrigger"))
            Assert.Contains(function.Bindings, b => b["type"] == "http" && b["direction"] == "Out" && b["name"] == "$return");
    }

    [Theory]
    [MemberData(nameof(BindingSettings))]
    public void Every_setting_a_binding_names_is_set_by_the_bicep_app(string name) =>
        Assert.Contains(CompiledBicep.AppSettingNames, n => n == name || n == name + "__fullyQualifiedNamespace");

    [Theory]
    [MemberData(nameof(BindingSettings))]
    public void Every_setting_a_binding_names_is_in_the_local_settings_template(string name)
    {
        var values = JsonDocument.Parse(File.ReadAllText(LocalTemplatePath)).RootElement.GetProperty("Values");
        Assert.True(values.TryGetProperty(name, out var value) && !string.IsNullOrEmpty(value.GetString()), $"{name} is not set in the template");
    }

    [Fact]
    public void The_service_bus_bindings_and_the_sweeps_sender_share_one_connection_and_the_queue_settings()
    {
        var names = SettingsNamedByBindings();
        Assert.Contains("SlaSweepSchedule", names);
#if SERVICE_BUS_TRIGGERS
        Assert.Contains("ServiceBusConnection", names);
        Assert.Contains("TicketEventsQueue", names);
        Assert.Contains("NotificationsQueue", names);
#endif
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", CompiledBicep.AppSettingNames);
        Assert.Contains("NotificationsQueue", CompiledBicep.AppSettingNames);
        Assert.Contains("TicketEventsQueue", CompiledBicep.AppSettingNames);
    }

    internal static string LocalTemplatePath => Path.Combine(RepositoryRoot.Find(), "src", "AfterSales.Functions", "local.settings.json.template");

    /// <summary><c>%Name%</c> in any binding property, and every <c>connection</c>.</summary>
    private static List<string> SettingsNamedByBindings() =>
        [.. PublishedApp.Functions.SelectMany(f => f.Bindings).SelectMany(b => b)
            .SelectMany(p => p.Key == "connection" ? [p.Value] : SettingReference().Matches(p.Value).Select(m => m.Groups[1].Value))
            .Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex("%([A-Za-z0-9_.]+)%")]
    private static partial Regex SettingReference();
}
