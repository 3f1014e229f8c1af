using System.Text;
using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class SettingsOverrideTests
{
    [Fact]
    public void A_later_layer_overrides_a_default()
    {
        var settings = TestSettings.Load(("Sla:Policies:P1:FirstResponse", "PT5M"), ("Sla:WarningAt", "0.8"));

        Assert.Equal(SlaTarget.FromTime(Duration.FromMinutes(5)), settings.Sla.Policies.Single(p => p.Name == "P1").FirstResponse);
        Assert.Equal(0.8, settings.Sla.WarningAt);
    }

    [Fact]
    public void Load_reads_a_configuration_layered_by_the_host()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SettingsDefaults.Values)
            .AddInMemoryCollection(TestSupport.TestSettings.Required)
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Sla:Policies:P3:Resolution", "P5D")])
            .Build();

        var settings = SettingsLoader.Load(configuration);

        Assert.Equal(new SlaTarget(5, Duration.Zero), settings.Sla.Policies.Single(p => p.Name == "P3").Resolution);
    }

    [Fact]
    public void Keys_are_case_insensitive()
    {
        var settings = TestSettings.Load(("SLA:POLICIES:P1:FIRSTRESPONSE", "PT7M"));

        Assert.Equal(SlaTarget.FromTime(Duration.FromMinutes(7)), settings.Sla.Policies.Single(p => p.Name == "P1").FirstResponse);
    }

    [Fact]
    public void Clock_syntax_is_accepted_for_targets()
    {
        var settings = TestSettings.Load(("Sla:Policies:P3:Resolution", "2.04:00:00"));

        Assert.Equal(new SlaTarget(2, Duration.FromHours(4)), settings.Sla.Policies.Single(p => p.Name == "P3").Resolution);
    }

    [Fact]
    public void An_empty_update_means_the_policy_promises_none()
    {
        var settings = TestSettings.Load(("Sla:Policies:P3:Update", ""));

        Assert.Null(settings.Sla.Policies.Single(p => p.Name == "P3").Update);
    }

    [Fact]
    public void Enabled_false_removes_a_default_policy()
    {
        var settings = TestSettings.Load(("Sla:Policies:Complaint:Enabled", "false"));

        Assert.Equal(["P1", "P2", "P4", "P3"], settings.Sla.Policies.Select(p => p.Name));
    }

    [Fact]
    public void Enabled_false_removes_a_default_ladder_level()
    {
        var settings = TestSettings.Load(("Escalation:Ladder:Day15:Enabled", "false"));

        Assert.DoesNotContain(settings.Escalation.Ladder, l => l.Name == "day-15");
        Assert.Equal(7, settings.Escalation.Ladder.Count);
    }

    [Fact]
    public void A_new_named_priority_policy_makes_its_priority_known()
    {
        var settings = TestSettings.Load(
            ("Sla:Policies:VIP:Precedence", "5"),
            ("Sla:Policies:VIP:Priorities", "VIP"),
            ("Sla:Policies:VIP:Calendar", "24x7"),
            ("Sla:Policies:VIP:FirstResponse", "PT5M"),
            ("Sla:Policies:VIP:Resolution", "PT2H"),
            ("Escalation:Ladder:VipOpened:Trigger", "Opened"),
            ("Escalation:Ladder:VipOpened:Role", "AccountManager"),
            ("Escalation:Teams:Default:AccountManager", "accounts@example.com"),
            ("Escalation:Ladder:VipOpened:Priorities", "VIP, P1"));

        Assert.Contains("VIP", settings.Sla.KnownPriorities);
        var vip = settings.Sla.Policies[0];
        Assert.Equal("VIP", vip.Name);
        Assert.Null(vip.Update);
        Assert.Null(vip.FirstResponseInWorkingHours);
        Assert.False(vip.PauseOnHold);
        var level = Assert.Single(settings.Escalation.Ladder, l => l.Name == "vip-opened");
        Assert.Equal(Duration.Zero, level.After);
        Assert.Empty(level.Clocks);
        Assert.Equal(["P1", "VIP"], level.Priorities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_new_calendar_can_be_named_by_a_policy()
    {
        var settings = TestSettings.Load(
            ("Calendars:Shop:TimeZone", "Europe/Paris"),
            ("Calendars:Shop:Hours:Saturday", "09:00-12:30, 14:00-19:00"),
            ("Calendars:Shop:Hours:Sunday", "closed"),
            ("Sla:Policies:P3:Calendar", "shop"));

        var shop = settings.Calendars["Shop"].Definition!;
        Assert.Equal("Europe/Paris", shop.TimeZoneId);
        Assert.Equal(2, shop.WeeklyHours[IsoDayOfWeek.Saturday].Count);
        Assert.Empty(shop.WeeklyHours[IsoDayOfWeek.Monday]);
        Assert.Equal("Shop", settings.Sla.Policies.Single(p => p.Name == "P3").Calendar);
    }

    [Fact]
    public void A_whole_day_calendar_uses_24_00()
    {
        var settings = TestSettings.Load(("Calendars:Business:Hours:Saturday", "00:00-24:00"));

        Assert.Equal(
            [new WorkingSpan(LocalTime.Midnight, LocalTime.Midnight, EndsAtMidnight: true)],
            settings.Calendars["Business"].Definition!.WeeklyHours[IsoDayOfWeek.Saturday]);
    }

    [Fact]
    public void The_default_team_fills_in_roles_a_team_lacks()
    {
        var settings = TestSettings.Load(
            ("Escalation:Teams:Default:Supervisor", "desk-lead@example.com"),
            ("Escalation:Teams:Default:DutyManager", "duty@example.com"),
            ("Escalation:Teams:Repair:Supervisor", "repair-lead@example.com"),
            ("Escalation:Teams:Repair:Manager", ""));

        var escalation = settings.Escalation;
        Assert.Equal("repair-lead@example.com", escalation.AddressFor("Repair", EscalationRoles.Supervisor));
        Assert.Equal("duty@example.com", escalation.AddressFor("repair", EscalationRoles.DutyManager));
        Assert.Equal("desk-lead@example.com", escalation.AddressFor("Sales", EscalationRoles.Supervisor));
        Assert.Equal("manager@example.com", escalation.AddressFor("Repair", EscalationRoles.Manager));
    }

    [Fact]
    public void A_json_settings_file_overrides_defaults_with_strings()
    {
        const string json = """
            {
              "Sla": { "Policies": { "P2": { "Resolution": "PT12H", "Categories": "return,repair" } } },
              "Calendars": { "Business": { "Holidays": "2027-01-01,2027-02-06..2027-02-14" } }
            }
            """;

        var settings = SettingsLoader.LoadWithDefaults(new ConfigurationBuilder()
            .AddInMemoryCollection(TestSupport.TestSettings.Required).AddConfiguration(Json(json)).Build());

        var p2 = settings.Sla.Policies.Single(p => p.Name == "P2");
        Assert.Equal(SlaTarget.FromTime(Duration.FromHours(12)), p2.Resolution);
        Assert.Equal(2, p2.Categories.Count);
        Assert.Equal(2, settings.Calendars["Business"].Definition!.Holidays.Count);
    }

    [Fact]
    public void A_json_array_is_not_a_list()
    {
        var rejected = Assert.Throws<SettingsValidationException>(() =>
            SettingsLoader.LoadWithDefaults(Json("""{ "Sla": { "Policies": { "P1": { "Priorities": ["P1", "P0"] } } } }""")));

        Assert.Equal(
            "lists are comma-separated strings such as 'a,b', not arrays or sections",
            rejected.ErrorAt("Sla__Policies__P1__Priorities").Message);
    }

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
