using AfterSales.Core.Calendars;
using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Tests.Settings;

public class SettingsDefaultsTests
{
    /// <summary>The defaults with only what a deployment must add (team addresses, SendGrid key, sender, ticket link).</summary>
    private static readonly AfterSalesSettings Defaults =
        SettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(SettingsDefaults.Values).AddInMemoryCollection(TestSupport.TestSettings.Required).Build());

    private static SlaTarget Minutes(int minutes) => SlaTarget.FromTime(Duration.FromMinutes(minutes));

    private static SlaTarget Hours(int hours) => SlaTarget.FromTime(Duration.FromHours(hours));

    private static SlaTarget WorkingDays(int days) => new(days, Duration.Zero);

    [Fact]
    public void Defaults_load_without_errors_and_match_load_with_defaults_of_an_empty_configuration()
    {
        var viaHelper = TestSettings.Load();

        Assert.Equal(Defaults.Sla.Policies.Select(p => (p.Name, p.Resolution)), viaHelper.Sla.Policies.Select(p => (p.Name, p.Resolution)));
        Assert.Equal(Defaults.Escalation.Ladder.Select(l => (l.Name, l.After)), viaHelper.Escalation.Ladder.Select(l => (l.Name, l.After)));
    }

    [Fact]
    public void Calendars_are_24x7_and_business()
    {
        Assert.Equal(["24x7", "Business"], Defaults.Calendars.Keys.Order(StringComparer.Ordinal));
        Assert.True(Defaults.Calendars["24x7"].Is24x7);
        Assert.Equal(DateTimeZone.Utc, Defaults.Calendars["24x7"].Zone);
    }

    [Fact]
    public void Business_calendar_is_mon_to_fri_0830_to_1730_in_shanghai()
    {
        var business = Defaults.Calendars["Business"].Definition!;
        var day = new WorkingSpan(new LocalTime(8, 30), new LocalTime(17, 30));

        Assert.Equal("Asia/Shanghai", business.TimeZoneId);
        foreach (var weekday in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday })
        {
            Assert.Equal([day], business.WeeklyHours[weekday]);
        }

        Assert.Empty(business.WeeklyHours[IsoDayOfWeek.Saturday]);
        Assert.Empty(business.WeeklyHours[IsoDayOfWeek.Sunday]);
        Assert.Equal([day], business.MakeUpDayHours);
    }

    [Fact]
    public void Business_calendar_has_the_2026_china_holidays_and_make_up_days()
    {
        var business = Defaults.Calendars["Business"].Definition!;

        Assert.Equal(
            "2026-01-01..2026-01-03,2026-02-15..2026-02-23,2026-04-04..2026-04-06,2026-05-01..2026-05-05,2026-06-19..2026-06-21,2026-09-25..2026-09-27,2026-10-01..2026-10-07",
            string.Join(',', business.Holidays));
        Assert.Equal(
            [new LocalDate(2026, 1, 4), new LocalDate(2026, 2, 14), new LocalDate(2026, 2, 28), new LocalDate(2026, 5, 9), new LocalDate(2026, 9, 20), new LocalDate(2026, 10, 10)],
            business.MakeUpDays);
    }

    [Fact]
    public void Warning_is_at_75_percent_and_events_may_be_a_day_ahead()
    {
        Assert.Equal(0.75, Defaults.Sla.WarningAt);
        Assert.Equal(Duration.FromDays(1), Defaults.Events.MaxFutureSkew);
    }

    [Fact]
    public void The_sweep_works_on_32_tickets_at_once_unless_set()
    {
        Assert.Equal(32, Defaults.Sweep.MaxParallelism);
        Assert.Equal(AfterSales.Core.Application.DueSweep.DefaultMaxParallelism, Defaults.Sweep.MaxParallelism);
        Assert.Equal(4, TestSettings.Load(("Sweep:MaxParallelism", "4")).Sweep.MaxParallelism);
    }

    [Fact]
    public void Policies_are_ordered_by_precedence()
    {
        Assert.Equal(["P1", "P2", "Complaint", "P4", "P3"], Defaults.Sla.Policies.Select(p => p.Name));
        Assert.Equal([10, 20, 30, 40, 50], Defaults.Sla.Policies.Select(p => p.Precedence));
    }

    [Fact]
    public void P1_is_10_minutes_1_hour_4_hours_on_24x7()
    {
        AssertPolicy("P1", ["P1"], [], "24x7", Minutes(10), null, Hours(1), Hours(4));
    }

    [Fact]
    public void P2_is_10_minutes_4_hours_24_hours_on_24x7()
    {
        AssertPolicy("P2", ["P2"], [], "24x7", Minutes(10), null, Hours(4), Hours(24));
    }

    [Fact]
    public void Complaint_is_4_hours_6_hours_1_business_day_on_business_hours()
    {
        AssertPolicy("Complaint", [], [TicketCategory.Complaint], "Business", Hours(4), null, Hours(6), WorkingDays(1));
    }

    [Fact]
    public void P4_and_inquiries_get_1_business_day_or_6_working_hours_no_update_and_7_business_days()
    {
        AssertPolicy("P4", ["P4"], [TicketCategory.Inquiry], "Business", WorkingDays(1), Hours(6), null, WorkingDays(7));
    }

    [Fact]
    public void P3_is_30_minutes_6_hours_3_business_days_on_business_hours()
    {
        AssertPolicy("P3", ["P3"], [], "Business", Minutes(30), null, Hours(6), WorkingDays(3));
    }

    [Fact]
    public void Known_priorities_are_p1_to_p4()
    {
        Assert.Equal(["P1", "P2", "P3", "P4"], Defaults.Sla.KnownPriorities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_team_addresses_and_the_default_team_is_default()
    {
        Assert.DoesNotContain(SettingsDefaults.Values.Keys, k => k.StartsWith("Escalation:Teams", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Default", Defaults.Escalation.DefaultTeam);
    }

    [Fact]
    public void Bare_defaults_stop_start_up_naming_every_role_address_and_the_sendgrid_settings_a_deployment_must_set()
    {
        var rejected = Assert.Throws<SettingsValidationException>(() =>
            SettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(SettingsDefaults.Values).Build()));

        Assert.Equal(
            [
                "Email__From", "Email__SendGrid__ApiKey", "Email__TicketUrl",
                "Escalation__Teams__Default__DepartmentHead", "Escalation__Teams__Default__DutyManager", "Escalation__Teams__Default__Manager",
                "Escalation__Teams__Default__Owner", "Escalation__Teams__Default__SeniorManager", "Escalation__Teams__Default__Supervisor",
            ],
            rejected.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("ladder level Warning sends to Owner", rejected.ErrorAt("Escalation__Teams__Default__Owner").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_defaults_are_sendgrid_in_chinese_with_four_requests_of_30_seconds_and_an_hourly_failure_summary()
    {
        var email = Defaults.Email;

        Assert.Equal(EmailMode.SendGrid, email.Mode);
        Assert.Equal("zh-CN", email.Locale);
        Assert.Equal("AfterSales", email.FromName);
        Assert.Equal("mail-pickup", email.PickupDirectory);
        Assert.Equal(Duration.FromSeconds(30), email.SendTimeout);
        Assert.Equal(4, email.MaxAttempts);
        Assert.Equal(Duration.FromSeconds(2), email.RetryDelay);
        Assert.Equal(Duration.FromMinutes(1), email.MaxRetryDelay);
        Assert.Equal(Duration.FromHours(1), email.FailureSummaryInterval);
    }

    public static TheoryData<string, LadderTrigger, ClockKind[], int, string, string[], bool, string> Ladder => new()
    {
        { "warning", LadderTrigger.Warning, [], 0, EscalationRoles.Owner, [], false, "Check progress now: this promise is about to be missed." },
        { "supervisor", LadderTrigger.Breach, [ClockKind.FirstResponse, ClockKind.Update, ClockKind.Commitment], 0, EscalationRoles.Supervisor, [], false, "Make sure the customer hears from us now." },
        { "department-head", LadderTrigger.Breach, [ClockKind.Resolution], 0, EscalationRoles.DepartmentHead, [], false, "Answer within 24 h with a plan to resolve the ticket." },
        { "head-unanswered", LadderTrigger.Breach, [ClockKind.Resolution], 1, EscalationRoles.Manager, [], true, "The department head has not answered in 24 h: take over." },
        { "day-7", LadderTrigger.Unresolved, [], 7, EscalationRoles.Manager, [], false, "Unresolved for 7 days: reply to the customer personally." },
        { "day-15", LadderTrigger.Unresolved, [], 15, EscalationRoles.SeniorManager, [], false, "Unresolved for 15 days: senior management attention." },
        { "p1-opened", LadderTrigger.Opened, [], 0, EscalationRoles.DutyManager, ["P1"], false, "Major incident opened: follow it until service is restored." },
        { "p1-breach", LadderTrigger.Breach, [], 0, EscalationRoles.DutyManager, ["P1"], false, "A P1 promise was missed." },
    };

    [Theory]
    [MemberData(nameof(Ladder))]
    public void Ladder_level_matches_the_spec(
        string name, LadderTrigger trigger, ClockKind[] clocks, int afterDays, string role, string[] priorities, bool unlessAnswered, string expectation)
    {
        var level = Assert.Single(Defaults.Escalation.Ladder, l => l.Name == name);

        Assert.Equal(trigger, level.Trigger);
        Assert.Equal(clocks.Order(), level.Clocks.Order());
        Assert.Equal(Duration.FromDays(afterDays), level.After);
        Assert.Equal(role, level.Role);
        Assert.Equal(priorities, level.Priorities.Order(StringComparer.Ordinal));
        Assert.Equal(unlessAnswered, level.UnlessAnswered);
        Assert.Equal(expectation, level.Expectation);
    }

    [Fact]
    public void The_ladder_has_exactly_the_eight_default_levels()
    {
        Assert.Equal(8, Defaults.Escalation.Ladder.Count);
    }

    private static void AssertPolicy(
        string name, string[] priorities, TicketCategory[] categories, string calendar,
        SlaTarget firstResponse, SlaTarget? firstResponseInWorkingHours, SlaTarget? update, SlaTarget resolution)
    {
        var policy = Assert.Single(Defaults.Sla.Policies, p => p.Name == name);

        Assert.Equal(priorities, policy.Priorities.Order(StringComparer.Ordinal));
        Assert.Equal(categories, policy.Categories.Order());
        Assert.Equal(calendar, policy.Calendar);
        Assert.Equal(firstResponse, policy.FirstResponse);
        Assert.Equal(firstResponseInWorkingHours, policy.FirstResponseInWorkingHours);
        Assert.Equal(update, policy.Update);
        Assert.Equal(resolution, policy.Resolution);
        Assert.False(policy.PauseOnHold);
    }
}
