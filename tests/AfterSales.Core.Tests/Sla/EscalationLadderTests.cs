using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Sla;

public class EscalationLadderTests
{
    [Fact]
    public void P1_without_a_reply_warns_the_owner_then_tells_supervisor_and_duty_manager_at_the_breach()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1");

        var steps = Sweep(ticket.History, until: "2026-10-12 09:30");

        Assert.Equal(
            [
                .. P1Chain("2026-10-12 09:00"),
                "warning first-response @ 2026-10-12 09:07",
                "p1-breach first-response @ 2026-10-12 09:10",
                "supervisor first-response @ 2026-10-12 09:10",
            ],
            Describe(steps));
    }

    [Fact]
    public void Each_role_is_resolved_for_the_ticket_team_with_the_owner_addressed_personally()
    {
        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P1", team: "metro").History, until: "2026-10-12 09:30");

        Assert.Equal(TicketScript.Owner.Email, steps.Single(s => s.Level == "warning").Recipient);
        Assert.Equal("metro.supervisor@example.com", steps.Single(s => s.Level == "supervisor").Recipient);
        Assert.Equal("duty@example.com", steps.Single(s => s.Level == "major-incident-duty-manager").Recipient);
        Assert.Equal(EscalationRoles.DutyManager, steps.Single(s => s.Level == "p1-breach").Role);
    }

    [Fact]
    public void A_ladder_role_without_an_address_in_the_default_team_stops_start_up_naming_the_key()
    {
        var rejected = Assert.Throws<AfterSales.Core.Settings.SettingsValidationException>(() => TestSettings.With(
            ("Escalation:Teams:metro:QualityLead", "metro.quality@example.com"),
            ("Escalation:Ladder:quality:Trigger", "Opened"),
            ("Escalation:Ladder:quality:Role", "QualityLead"),
            ("Escalation:Ladder:quality:Expectation", "Review the ticket.")));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal("Escalation__Teams__Default__QualityLead", error.Key);
        Assert.Contains("ladder level quality sends to QualityLead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_without_its_own_address_for_a_role_falls_back_to_the_default_team()
    {
        var settings = TestSettings.With(
            ("Escalation:Teams:Default:QualityLead", "quality@example.com"),
            ("Escalation:Ladder:quality:Trigger", "Opened"),
            ("Escalation:Ladder:quality:Role", "QualityLead"));

        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P3").History, until: "2026-10-12 09:01", settings);

        Assert.Equal("quality@example.com", steps.Single(s => s.Level == "quality").Recipient);
    }

    [Fact]
    public void A_reply_before_the_deadline_stops_the_first_response_clock_so_no_late_alert_follows()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");

        var steps = Sweep(ticket.History, until: "2026-10-12 09:40");

        Assert.Equal([.. P1Chain("2026-10-12 09:00")], Describe(steps));
    }

    [Fact]
    public void Each_reply_restarts_the_update_clock_and_a_reply_in_time_prevents_the_breach()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1")
            .Responded("2026-10-12 09:05").Responded("2026-10-12 09:55").Responded("2026-10-12 10:40");

        var steps = Sweep(ticket.History, until: "2026-10-12 10:50");

        Assert.Equal([.. P1Chain("2026-10-12 09:00"), "warning update@T-1-e2 @ 2026-10-12 09:50"], Describe(steps));
    }

    [Fact]
    public void A_missed_update_breaches_once_for_that_update_period()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");

        var steps = Sweep(ticket.History, until: "2026-10-12 10:30");

        Assert.Equal(
            [
                .. P1Chain("2026-10-12 09:00"),
                "warning update@T-1-e2 @ 2026-10-12 09:50",
                "p1-breach update@T-1-e2 @ 2026-10-12 10:05",
                "supervisor update@T-1-e2 @ 2026-10-12 10:05",
            ],
            Describe(steps));
        Assert.Contains(steps, s => s.Key == "T-1/update@T-1-e2/supervisor/1");
    }

    [Fact]
    public void Resolution_breach_goes_to_the_department_head_and_escalates_to_the_manager_when_unanswered_for_a_day()
    {
        var ticket = new TicketScript().Opened("2026-11-02 09:00", "P3", team: "retail").Responded("2026-11-02 09:10");

        var planned = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-11-06 10:00")).Planned;

        var head = planned.Single(s => s.Level == "department-head");
        Assert.Equal(("DepartmentHead", "head@example.com", "2026-11-05 09:00"), (head.Role, head.Recipient, Show(head.DueAt)));
        var unanswered = planned.Single(s => s.Level == "head-unanswered");
        Assert.Equal((EscalationRoles.Manager, "2026-11-06 09:00"), (unanswered.Role, Show(unanswered.DueAt)));
    }

    [Fact]
    public void An_answer_within_a_day_of_the_resolution_breach_stops_the_next_escalation()
    {
        var ticket = new TicketScript().Opened("2026-11-02 09:00", "P3").Responded("2026-11-02 09:10").Responded("2026-11-05 15:00");

        var planned = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-11-06 10:00")).Planned;

        Assert.Contains(planned, s => s.Level == "department-head");
        Assert.DoesNotContain(planned, s => s.Level == "head-unanswered");
    }

    [Fact]
    public void Calendar_day_steps_of_a_business_hours_policy_wait_for_the_next_opening()
    {
        var ticket = new TicketScript().Opened("2026-10-31 10:00", "P3"); // a Saturday

        var planned = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-11-20 12:00")).Planned;

        var seventhDay = planned.Single(s => s.Level == "day-7");
        Assert.Equal(("2026-11-07 10:00", "2026-11-09 08:30"), (Show(seventhDay.TriggeredAt), Show(seventhDay.DueAt)));
        Assert.Equal("2026-11-16 08:30", Show(planned.Single(s => s.Level == "day-15").DueAt));
        Assert.Equal(EscalationRoles.SeniorManager, planned.Single(s => s.Level == "day-15").Role);
    }

    [Fact]
    public void Calendar_day_steps_of_a_24x7_policy_are_due_at_once_even_on_a_weekend()
    {
        var ticket = new TicketScript().Opened("2026-10-31 10:00", "P2");

        var planned = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-11-20 12:00")).Planned;

        Assert.Equal("2026-11-07 10:00", Show(planned.Single(s => s.Level == "day-7").DueAt));
    }

    [Fact]
    public void A_promise_that_passes_without_a_reply_escalates_like_a_missed_update()
    {
        var ticket = new TicketScript().Opened("2026-11-11 09:00", "P3")
            .Responded("2026-11-11 09:10").Committed("2026-11-11 09:11", dueBy: "2026-11-11 12:00").Responded("2026-11-11 14:00");

        var steps = Sweep(ticket.History, until: "2026-11-11 13:00");

        Assert.Equal(["warning commitment@T-1-e3 @ 2026-11-11 11:17", "supervisor commitment@T-1-e3 @ 2026-11-11 12:00"], Describe(steps));
    }

    [Fact]
    public void A_promise_kept_by_a_reply_raises_nothing()
    {
        var ticket = new TicketScript().Opened("2026-11-11 09:00", "P3")
            .Responded("2026-11-11 09:10").Committed("2026-11-11 09:11", dueBy: "2026-11-11 12:00").Responded("2026-11-11 11:00");

        var steps = Sweep(ticket.History, until: "2026-11-11 13:00");

        Assert.DoesNotContain(steps, s => s.Clock == ClockKind.Commitment);
    }

    [Fact]
    public void A_promise_missed_at_night_on_a_business_hours_policy_is_escalated_at_the_next_opening()
    {
        var ticket = new TicketScript().Opened("2026-11-11 09:00", "P3")
            .Responded("2026-11-11 09:10").Committed("2026-11-11 16:00", dueBy: "2026-11-11 20:00");

        var planned = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-11-12 12:00")).Planned;

        var breach = planned.Single(s => s.Level == "supervisor" && s.Clock == ClockKind.Commitment);
        Assert.Equal(("2026-11-11 20:00", "2026-11-12 08:30"), (Show(breach.TriggeredAt), Show(breach.DueAt)));
    }

    [Fact]
    public void The_warning_share_is_a_setting()
    {
        var settings = TestSettings.With(("Sla:WarningAt", "50%"));

        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P1").History, until: "2026-10-12 09:06", settings);

        Assert.Contains("warning first-response @ 2026-10-12 09:05", Describe(steps));
    }

    [Fact]
    public void A_disabled_ladder_level_produces_no_steps()
    {
        var settings = TestSettings.With(("Escalation:Ladder:Warning:Enabled", "false"));

        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P1").History, until: "2026-10-12 09:30", settings);

        Assert.DoesNotContain(steps, s => s.Level == "warning");
        Assert.Contains(steps, s => s.Level == "supervisor");
    }
}
