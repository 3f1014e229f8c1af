using AfterSales.Azure.Hosting;
using AfterSales.Core.Settings;

namespace AfterSales.Azure.Tests.Settings;

public sealed class AfterSalesOptionsTests
{
    [Fact]
    public void A_complete_host_configuration_reads_every_section()
    {
        var options = AfterSalesOptions.Read(HostSettingsValues.With());

        Assert.Equal("AfterSales", options.Storage.TablePrefix);
        Assert.Equal("+14155550100", options.Sms.From);
        Assert.Equal(new Uri("https://aftersales.example.com/api/sms/inbound"), options.Host.SmsInboundUrl);
        Assert.Equal("ticket-events", options.Host.TicketEventsQueue);
        Assert.NotNull(options.Host.SlaSweepSchedule);
        Assert.Equal(12, options.Revisits.EarlyMonths);
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_never_taken_as_the_secret()
    {
        const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-as-abc123.vault.azure.net/secrets/SurveySigningKey)";

        var errors = Errors(("Texts:SurveySigningKey", Reference), ("Sms:AuthToken", Reference.Replace("SurveySigningKey", "SmsAuthToken", StringComparison.Ordinal)),
            ("Email:SendGrid:ApiKey", "@microsoft.keyvault(VaultName=kv-as-abc123;SecretName=SendGridApiKey)"),
            ("Storage:KeyHashSecret", Reference.Replace("SurveySigningKey", "KeyHashSecret", StringComparison.Ordinal)));

        Assert.Equal(["Email__SendGrid__ApiKey", "Sms__AuthToken", "Storage__KeyHashSecret", "Texts__SurveySigningKey"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("is a Key Vault reference App Service could not resolve", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_storage_typo_is_an_unknown_setting()
    {
        var error = Assert.Single(Errors(("Storage:TablePrefx", "x")));

        Assert.Equal("Storage__TablePrefx", error.Key);
        Assert.StartsWith("unknown setting (known here: ConnectionString, TableServiceUri, TablePrefix, KeyHashSecret)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_revisit_send_time_stops_the_host()
    {
        var error = Assert.Single(Errors(("Revisits:SendAt", "nonsense")));

        Assert.Equal("Revisits__SendAt", error.Key);
    }

    [Fact]
    public void A_missing_sms_inbound_url_says_that_every_inbound_text_would_be_refused()
    {
        var error = Assert.Single(Errors(("SmsInboundUrl", null)));

        Assert.Equal("SmsInboundUrl", error.Key);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_sms_inbound_url_key_of_the_docs_is_an_unknown_setting()
    {
        var error = Assert.Single(Errors(("Sms:InboundUrl", "https://aftersales.example.com/api/sms/inbound")));

        Assert.Equal("Sms__InboundUrl", error.Key);
        Assert.StartsWith("unknown setting", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SlaSweepSchedule", "*/15 * * * *", "has 5 fields")]
    [InlineData("OutboxRecoverySchedule", "0 */5 * * * * *", "has 7 fields")]
    [InlineData("RevisitsSchedule", "0 */5 25 * * *", "is not an NCRONTAB schedule")]
    [InlineData("WeeklyDigestSchedule", "0 16 * * FRI", "has 5 fields")]
    [InlineData("MonthlyReportSchedule", "0 0 9 32 * *", "is not an NCRONTAB schedule")]
    [InlineData("TicketEventsQueue", "-ticket events", "is not a Service Bus queue name")]
    [InlineData("SmsInboundUrl", "/api/sms/inbound", "is not an absolute http(s) URL")]
    public void A_bad_host_setting_is_named_with_what_is_wrong(string key, string value, string message)
    {
        var error = Assert.Single(Errors((key, value)));

        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reports:DigestDay", "Freitag", "is not a day of the week")]
    [InlineData("Reports:DigestAt", "4pm", "is not a local time")]
    [InlineData("Reports:MonthlyDay", "31", "is not a day of the month from 1 to 28")]
    [InlineData("Reports:MonthlyAt", "25:00", "is not a local time")]
    [InlineData("Reports:Calendar", "Lunar", "is not a calendar")]
    [InlineData("Reports:ManagerRoles", "", "is required")]
    public void A_bad_reports_setting_fails_start_up_naming_the_key(string key, string value, string message)
    {
        var error = Assert.Single(Errors((key, value)));

        Assert.Equal(key.Replace(":", "__", StringComparison.Ordinal), error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TicketEventsQueue")]
    [InlineData("NotificationsQueue")]
    [InlineData("SlaSweepSchedule")]
    [InlineData("OutboxRecoverySchedule")]
    [InlineData("RevisitsSchedule")]
    [InlineData("WeeklyDigestSchedule")]
    [InlineData("MonthlyReportSchedule")]
    public void Every_setting_a_trigger_names_is_required_by_the_host(string key)
    {
        var error = Assert.Single(Errors((key, null)));

        Assert.Equal(key, error.Key);
        Assert.StartsWith("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_key_of_every_section_is_reported_at_once()
    {
        var errors = Errors(
            ("Sla:Policies:P1:FirstResponse", "10 minutes"),
            ("Escalation:Teams:Default:Supervisor", null),
            ("Escalation:Teams:Default:RevisitTeam", null),
            ("Texts:SurveyLinkBase", null),
            ("Revisits:SendAt", "nonsense"),
            ("Storage:TablePrefx", "x"),
            ("Sms:From", "0138"),
            ("SlaSweepSchedule", "often"));

        Assert.Equal(
            [
                "Escalation__Teams__Default__RevisitTeam", "Escalation__Teams__Default__Supervisor", "Revisits__SendAt",
                "SlaSweepSchedule", "Sla__Policies__P1__FirstResponse", "Sms__From", "Storage__TablePrefx", "Texts__SurveyLinkBase",
            ],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_holiday_calendar_that_is_configured_but_wrong_is_reported_once_under_the_calendar()
    {
        var error = Assert.Single(Errors(("Calendars:Business:TimeZone", "Beijing")));

        Assert.Equal("Calendars__Business__TimeZone", error.Key);
    }

    [Fact]
    public void A_holiday_calendar_that_does_not_exist_is_reported_even_when_another_section_is_wrong()
    {
        var errors = Errors(("Texts:HolidayCalendar", "Holidays"), ("Sla:WarningAt", "75"));

        Assert.Equal(["Sla__WarningAt", "Texts__HolidayCalendar"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_simulation_needs_none_of_the_deployment_settings()
    {
        var values = HostSettingsValues.Valid();
        foreach (var key in values.Keys.Where(k => k.StartsWith("Storage:", StringComparison.Ordinal) || k.StartsWith("Sms:", StringComparison.Ordinal)
                     || TestSettings.Host.ContainsKey(k) || k.EndsWith(":RevisitTeam", StringComparison.Ordinal)).ToList())
            values.Remove(key);

        var options = AfterSalesOptions.Read(HostSettingsValues.With(values), SettingsScope.Simulation);

        Assert.Null(options.Host.SmsInboundUrl);
        Assert.Throws<SettingsValidationException>(() => AfterSalesOptions.Read(HostSettingsValues.With(values)));
    }

    [Fact]
    public void A_simulation_checks_every_section_the_host_checks_when_it_is_set()
    {
        var errors = Assert.Throws<SettingsValidationException>(() => AfterSalesOptions.Read(
            HostSettingsValues.With(("Revisits:SendAt", "nonsense"), ("Storage:TablePrefx", "x"), ("Sms:From", "0138"), ("SlaSweepSchedule", "often")),
            SettingsScope.Simulation)).Errors;

        Assert.Equal(["Revisits__SendAt", "SlaSweepSchedule", "Sms__From", "Storage__TablePrefx"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<SettingsError> Errors(params (string Key, string? Value)[] overrides) =>
        Assert.Throws<SettingsValidationException>(() => AfterSalesOptions.Read(HostSettingsValues.With(overrides))).Errors;
}
