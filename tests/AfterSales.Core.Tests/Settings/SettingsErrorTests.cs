using AfterSales.Core.Settings;

namespace AfterSales.Core.Tests.Settings;

public class SettingsErrorTests
{
    [Fact]
    public void A_bad_duration_is_one_line_naming_the_key_in_environment_variable_form()
    {
        var rejected = TestSettings.Rejected(("Sla:Policies:P1:FirstResponse", "10 minutes"));

        Assert.Equal(
            "Sla__Policies__P1__FirstResponse: '10 minutes' is not a duration (use ISO 8601 such as PT10M, or hh:mm:ss)",
            rejected.Message);
        Assert.Equal(new SettingsError("Sla__Policies__P1__FirstResponse", "'10 minutes' is not a duration (use ISO 8601 such as PT10M, or hh:mm:ss)"), Assert.Single(rejected.Errors));
    }

    public static TheoryData<string, string, string, string> EveryKind => new()
    {
        { "Events:MaxFutureSkew", "600", "Events__MaxFutureSkew", "'600' is a bare number" },
        { "Events:RejectedRetention", "PT12H", "Events__RejectedRetention", "'PT12H' is out of range: use P1D to P366D" },
        { "Events:RejectedRetention", "P400D", "Events__RejectedRetention", "'P400D' is out of range: use P1D to P366D" },
        { "Escalation:Ladder:Day7:After", "P1Y", "Escalation__Ladder__Day7__After", "'P1Y' uses years or months" },
        { "Sla:Policies:P3:Resolution", "P1M", "Sla__Policies__P3__Resolution", "'P1M' uses years or months" },
        { "Sla:Policies:P1:Update", "PT0S", "Sla__Policies__P1__Update", "'PT0S' is zero" },
        { "Sla:WarningAt", "120%", "Sla__WarningAt", "'120%' must be more than 0% and less than 100%" },
        { "Sla:Policies:P3:Calendar", "Weekend", "Sla__Policies__P3__Calendar", "'Weekend' is not a calendar (known: 24x7, Business)" },
        { "Calendars:Business:TimeZone", "Beijing", "Calendars__Business__TimeZone", "'Beijing' is not an IANA time zone id" },
        { "Calendars:Business:Hours:Monday", "08:30-12:00,11:00-17:30", "Calendars__Business__Hours__Monday", "overlap" },
        { "Calendars:Business:Holidays", "2026-10-07..2026-10-01", "Calendars__Business__Holidays", "'2026-10-07..2026-10-01' ends before it starts" },
        { "Calendars:Business:MakeUpDays", "2026-10-03", "Calendars__Business__MakeUpDays", "2026-10-03 is also in Holidays" },
        { "Escalation:Teams:Default:Supervisor", "supervisor", "Escalation__Teams__Default__Supervisor", "'supervisor' is not an email address" },
        { "Escalation:Ladder:Warning:Trigger", "Late", "Escalation__Ladder__Warning__Trigger", "'Late' is not a trigger (use one of: Opened, Warning, Breach, Unresolved)" },
        { "Escalation:Ladder:Supervisor:Clocks", "FirstResponse,Reply", "Escalation__Ladder__Supervisor__Clocks", "'Reply' is not a clock" },
        { "Escalation:Ladder:P1Opened:Clocks", "Resolution", "Escalation__Ladder__P1Opened__Clocks", "a level triggered by Opened watches no clock" },
        { "Escalation:Ladder:P1Breach:Priorities", "P9", "Escalation__Ladder__P1Breach__Priorities", "'P9' is not a known priority (known: P1, P2, P3, P4;" },
        { "Escalation:Ladder:Warning:UnlessAnswered", "yes", "Escalation__Ladder__Warning__UnlessAnswered", "'yes' is not true or false" },
        { "Escalation:Ladder:Warning:Enabled", "no", "Escalation__Ladder__Warning__Enabled", "'no' is not true or false" },
        { "Escalation:Ladder:Warning:Role", "", "Escalation__Ladder__Warning__Role", "is required" },
        { "Escalation:DefaultTeam", "", "Escalation__DefaultTeam", "is required" },
        { "Sla:Policies:Complaint:Categories", "complain", "Sla__Policies__Complaint__Categories", "'complain' is not a category (use one of: repair, installation, complaint, return, inquiry)" },
        { "Sla:Policies:P3:Priorities", "", "Sla__Policies__P3__Priorities", "the policy matches no ticket: set Priorities, Categories, or both" },
        { "Sla:Policies:P3:Precedence", "first", "Sla__Policies__P3__Precedence", "'first' is not a whole number" },
        { "Sla:Policies:P1:FirstRespons", "PT5M", "Sla__Policies__P1__FirstRespons", "unknown setting (known here: Enabled, Precedence, Priorities," },
        { "Sla:Policies:P1:FirstResponse:Minutes", "5", "Sla__Policies__P1__FirstResponse__Minutes", "unknown setting" },
        { "Sla:Foo", "bar", "Sla__Foo", "unknown setting (known here: WarningAt, Policies)" },
        { "Calendars:Business:Hours:Mon", "08:30-17:30", "Calendars__Business__Hours__Mon", "unknown setting (known here: Monday, Tuesday," },
        { "Calendars:24x7:TimeZone", "Europe/Paris", "Calendars__24x7__TimeZone", "the built-in 24x7 calendar cannot be configured" },
        { "Events:MaxFutureSkw", "PT1H", "Events__MaxFutureSkw", "unknown setting" },
        { "Sweep:MaxParallelism", "0", "Sweep__MaxParallelism", "'0' is not a number of tickets swept at once from 1 to 256" },
        { "Sweep:MaxParallelism", "257", "Sweep__MaxParallelism", "'257' is not a number of tickets swept at once from 1 to 256" },
        { "Sweep:MaxParallelism", "many", "Sweep__MaxParallelism", "'many' is not a whole number" },
        { "Sweep:MaxParallelism", "", "Sweep__MaxParallelism", "is required" },
        { "Sweep:Parallelism", "8", "Sweep__Parallelism", "unknown setting (known here: MaxParallelism)" },
        { "Sla:Policies", "P1,P2", "Sla__Policies", "is set on a group of settings" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_of_error_names_its_key(string key, string value, string reportedKey, string message)
    {
        var rejected = TestSettings.Rejected((key, value));

        Assert.Contains(message, rejected.ErrorAt(reportedKey).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_precedence_used_twice_is_reported_on_both_policies()
    {
        var rejected = TestSettings.Rejected(("Sla:Policies:P2:Precedence", "10"));

        Assert.Equal("'10' is also the precedence of P2: each policy needs its own", rejected.ErrorAt("Sla__Policies__P1__Precedence").Message);
        Assert.Equal("'10' is also the precedence of P1: each policy needs its own", rejected.ErrorAt("Sla__Policies__P2__Precedence").Message);
        Assert.Equal(2, rejected.Errors.Count);
    }

    [Fact]
    public void A_new_policy_lists_every_missing_required_setting()
    {
        var rejected = TestSettings.Rejected(("Sla:Policies:VIP:Priorities", "VIP"));

        Assert.Equal(
            ["Sla__Policies__VIP__Calendar", "Sla__Policies__VIP__FirstResponse", "Sla__Policies__VIP__Precedence", "Sla__Policies__VIP__Resolution"],
            rejected.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(rejected.Errors, e => Assert.Equal("is required but missing or empty", e.Message));
    }

    [Fact]
    public void A_new_calendar_needs_a_time_zone_and_some_working_hours()
    {
        var rejected = TestSettings.Rejected(("Calendars:Shop:Holidays", "2026-12-25"));

        Assert.Contains("is required", rejected.ErrorAt("Calendars__Shop__TimeZone").Message, StringComparison.Ordinal);
        Assert.Contains("no day of the week has working hours", rejected.ErrorAt("Calendars__Shop__Hours").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_calendar_is_not_reported_again_on_the_policies_that_use_it()
    {
        var rejected = TestSettings.Rejected(("Calendars:Business:TimeZone", "Beijing"));

        Assert.Equal("Calendars__Business__TimeZone", Assert.Single(rejected.Errors).Key);
    }

    [Fact]
    public void A_disabled_calendar_can_no_longer_be_named_by_a_policy()
    {
        var rejected = TestSettings.Rejected(("Calendars:Business:Enabled", "false"));

        Assert.Equal(
            ["MajorIncident__FaultReportCalendar", "Sla__Policies__Complaint__Calendar", "Sla__Policies__P3__Calendar", "Sla__Policies__P4__Calendar"],
            rejected.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(rejected.Errors, e => Assert.Equal("'Business' is not a calendar (known: 24x7)", e.Message));
    }

    [Fact]
    public void Several_bad_keys_are_all_listed_one_line_each()
    {
        var rejected = TestSettings.Rejected(
            ("Sla:WarningAt", "0.75%x"),
            ("Sla:Policies:P1:FirstResponse", "10"),
            ("Calendars:Business:TimeZone", "Shanghai"),
            ("Escalation:Teams:Repair:Supervisor", "Wang Supervisor"),
            ("Escalation:Ladder:Day15:Trigger", "Unresolve"),
            ("Events:MaxFutureSkew", "1 day"),
            ("Sla:Policies:P2:Reslution", "PT24H"));

        string[] expected =
        [
            "Calendars__Business__TimeZone", "Escalation__Ladder__Day15__Trigger", "Escalation__Teams__Repair__Supervisor",
            "Events__MaxFutureSkew", "Sla__Policies__P1__FirstResponse", "Sla__Policies__P2__Reslution", "Sla__WarningAt",
        ];
        Assert.Equal(expected, rejected.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        var lines = rejected.Message.Split(Environment.NewLine);
        Assert.Equal(expected.Length, lines.Length);
        Assert.All(lines, line => Assert.Contains(line[..line.IndexOf(':', StringComparison.Ordinal)], expected));
    }

    [Fact]
    public void Keys_outside_the_four_sections_are_ignored()
    {
        var settings = TestSettings.Load(("Logging:LogLevel:Default", "Information"), ("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        Assert.Equal(5, settings.Sla.Policies.Count);
    }

    [Fact]
    public void A_disabled_entry_is_not_checked()
    {
        var settings = TestSettings.Load(("Sla:Policies:P3:Enabled", "false"), ("Sla:Policies:P3:Resolution", "3 days"));

        Assert.DoesNotContain(settings.Sla.Policies, p => p.Name == "P3");
    }
}
