using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Sla;

public class MajorIncidentTests
{
    private static string[] Incident(IEnumerable<EscalationStep> steps) =>
        Describe(steps.Where(s => s.ClockId is MajorIncidentPlanner.ChainClockId or MajorIncidentPlanner.FaultReportClockId));

    [Fact]
    public void A_P1_reports_to_every_role_of_the_chain_at_once_in_order_each_addressed_in_the_ticket_team()
    {
        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P1").History, until: "2026-10-12 09:01");

        var chain = steps.Where(s => s.ClockId == MajorIncidentPlanner.ChainClockId).ToList();
        Assert.Equal(P1Chain("2026-10-12 09:00"), Describe(chain));
        Assert.Equal(
            ["DepartmentHead head@example.com", "DutyManager duty@example.com", "Manager manager@example.com"],
            chain.Select(s => $"{s.Role} {s.Recipient}").Order(StringComparer.Ordinal));
        Assert.All(chain, s => Assert.StartsWith("T-1/major-incident/major-incident-", s.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void The_duty_manager_gets_one_email_at_a_P1s_opening_the_chains_report_the_ladders_opening_step_superseded()
    {
        var engine = new SlaEngine(TestSettings.Defaults());
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").History;

        var assessment = engine.Assess(history, At("2026-10-12 09:00"));

        Assert.Equal(["DepartmentHead", "DutyManager", "Manager"], assessment.DueNow.Select(s => s.Role).Order(StringComparer.Ordinal));
        var superseded = Assert.Single(assessment.Superseded);
        Assert.Equal(("p1-opened", "DutyManager"), (superseded.Level, superseded.Role));
        Assert.True(SlaEngine.IsCoveredByIncidentChain(superseded, assessment.Planned));
        // Marked produced with the others, it never goes out later.
        var after = engine.Assess(history.MarkProduced(assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key)), At("2026-10-12 09:05"));
        Assert.DoesNotContain(after.DueNow, s => s.Level == "p1-opened");
    }

    [Fact]
    public void The_ladders_opening_step_still_goes_to_a_role_the_chain_leaves_out()
    {
        var engine = new SlaEngine(TestSettings.With(("MajorIncident:Chain", "DepartmentHead,Manager")));

        var assessment = engine.Assess(new TicketScript().Opened("2026-10-12 09:00", "P1").History, At("2026-10-12 09:00"));

        Assert.Contains(assessment.DueNow, s => s.Level == "p1-opened" && s.Role == "DutyManager");
        Assert.Empty(assessment.Superseded);
    }

    [Fact]
    public void A_P3_is_no_major_incident()
    {
        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P3").Resolved("2026-10-12 10:00").History, until: "2026-10-20 09:00");

        Assert.Empty(Incident(steps));
    }

    [Fact]
    public void A_ticket_raised_to_P1_reports_the_incident_when_it_is_raised()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P3").PriorityChanged("2026-10-12 11:00", "P1");

        var steps = Sweep(ticket.History, until: "2026-10-12 11:00");

        var chain = steps.Where(s => s.ClockId == MajorIncidentPlanner.ChainClockId).ToList();
        Assert.Equal(3, chain.Count);
        var engine = new SlaEngine(TestSettings.Defaults());
        Assert.DoesNotContain(engine.Assess(ticket.History, At("2026-10-12 10:59")).DueNow, s => s.ClockId == MajorIncidentPlanner.ChainClockId);
    }

    [Fact]
    public void The_chain_and_the_trigger_are_settings()
    {
        var settings = TestSettings.With(
            ("MajorIncident:Priorities", "P1,P2"),
            ("MajorIncident:Chain", "DutyManager,SeniorManager"));

        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P2").History, until: "2026-10-12 09:01", settings);

        Assert.Equal(
            [EscalationRoles.DutyManager, EscalationRoles.SeniorManager],
            steps.Where(s => s.ClockId == MajorIncidentPlanner.ChainClockId).Select(s => s.Role));
    }

    [Fact]
    public void No_priorities_turns_the_rule_off()
    {
        var settings = TestSettings.With(("MajorIncident:Priorities", ""));

        var steps = Sweep(new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 10:00").History, until: "2026-10-20 09:00", settings);

        Assert.Empty(Incident(steps));
    }

    [Fact]
    public void After_resolution_the_fault_report_is_due_in_3_working_days_the_owner_reminded_at_75_percent_the_manager_told_when_late()
    {
        // Resolved Monday 10:00: 3 working days of 9 h on the business calendar end Thursday 10:00; 75% of 27 h is
        // 20 h 15 min, which runs out on Wednesday 12:15 (Mon 7.5 h + Tue 9 h + Wed 3 h 45 min).
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00");

        var steps = Sweep(ticket.History, until: "2026-10-20 09:00");

        var fault = steps.Where(s => s.ClockId == MajorIncidentPlanner.FaultReportClockId).ToList();
        Assert.Equal(["fault-report-reminder fault-report @ 2026-10-14 12:15", "fault-report-late fault-report @ 2026-10-15 10:00"], Describe(fault));
        Assert.Equal([TicketScript.Owner.Email, "manager@example.com"], fault.Select(s => s.Recipient));
        Assert.Equal(["T-1/fault-report/fault-report-reminder/1", "T-1/fault-report/fault-report-late/1"], fault.Select(s => s.Key));
        var clock = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-10-16 09:00")).Clock(MajorIncidentPlanner.FaultReportClockId);
        Assert.Equal(ClockKind.FaultReport, clock.Kind);
        Assert.Equal(ClockOutcome.Overdue, clock.OutcomeAt(At("2026-10-16 09:00")));
    }

    [Fact]
    public void A_fault_report_filed_before_the_warning_stops_the_clock_and_nobody_is_chased()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 10:00").FaultReportFiled("2026-10-13 16:00");

        var steps = Sweep(ticket.History, until: "2026-10-20 09:00");

        Assert.DoesNotContain(steps, s => s.ClockId == MajorIncidentPlanner.FaultReportClockId);
        var clock = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-10-20 09:00")).Clock(MajorIncidentPlanner.FaultReportClockId);
        Assert.Equal(ClockOutcome.Met, clock.OutcomeAt(At("2026-10-20 09:00")));
        Assert.Equal("FaultReportFiled", clock.StoppedBy);
    }

    [Fact]
    public void A_fault_report_filed_after_the_reminder_stops_the_late_notice()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 10:00").FaultReportFiled("2026-10-14 15:00");

        var steps = Sweep(ticket.History, until: "2026-10-20 09:00");

        Assert.Equal(["fault-report-reminder fault-report @ 2026-10-14 12:15"], Describe(steps.Where(s => s.ClockId == MajorIncidentPlanner.FaultReportClockId)));
    }

    [Fact]
    public void A_report_filed_before_the_resolution_counts_as_filed_at_it()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").FaultReportFiled("2026-10-12 09:30").Resolved("2026-10-12 10:00");

        var clock = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-10-20 09:00")).Clock(MajorIncidentPlanner.FaultReportClockId);

        Assert.Equal(At("2026-10-12 10:00"), clock.StoppedAt);
        Assert.Equal(ClockOutcome.Met, clock.OutcomeAt(At("2026-10-20 09:00")));
    }

    [Fact]
    public void The_fault_report_steps_come_due_while_the_ticket_is_resolved_and_keep_it_in_the_due_index()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 10:00");
        var engine = new SlaEngine(TestSettings.Defaults());

        var afterResolution = engine.Assess(ticket.History, At("2026-10-12 10:00"));
        var atReminder = engine.Assess(ticket.History, At("2026-10-14 12:15"));

        Assert.Equal(At("2026-10-14 12:15"), afterResolution.NextDueAt);
        Assert.Equal("fault-report-reminder", Assert.Single(atReminder.DueNow).Level);
    }

    [Fact]
    public void The_report_deadline_and_calendar_are_settings()
    {
        var settings = TestSettings.With(("MajorIncident:FaultReportDue", "P1D"), ("MajorIncident:FaultReportCalendar", "24x7"));
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 10:00");

        var steps = Sweep(ticket.History, until: "2026-10-20 09:00", settings);

        Assert.Equal(
            ["fault-report-reminder fault-report @ 2026-10-13 04:00", "fault-report-late fault-report @ 2026-10-13 10:00"],
            Describe(steps.Where(s => s.ClockId == MajorIncidentPlanner.FaultReportClockId)));
    }

    [Fact]
    public void A_chain_role_without_an_address_stops_start_up_naming_the_key_and_the_setting_that_uses_it()
    {
        var rejected = Assert.Throws<SettingsValidationException>(() => TestSettings.With(("MajorIncident:Chain", "DutyManager,QualityLead")));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal("Escalation__Teams__Default__QualityLead", error.Key);
        Assert.Contains("MajorIncident__Chain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MajorIncident:Priorities", "P9", "MajorIncident__Priorities")]
    [InlineData("MajorIncident:FaultReportDue", "soon", "MajorIncident__FaultReportDue")]
    [InlineData("MajorIncident:FaultReportCalendar", "Lunar", "MajorIncident__FaultReportCalendar")]
    [InlineData("MajorIncident:Chain", "Duty Manager", "MajorIncident__Chain")]
    public void A_bad_major_incident_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var rejected = Assert.Throws<SettingsValidationException>(() => TestSettings.With((key, value)));

        Assert.Contains(rejected.Errors, e => e.Key == named);
    }

    [Fact]
    public void A_ladder_level_cannot_watch_the_fault_report_clock()
    {
        var rejected = Assert.Throws<SettingsValidationException>(() => TestSettings.With(("Escalation:Ladder:Warning:Clocks", "Resolution,FaultReport")));

        Assert.Contains("not watched by the ladder", Assert.Single(rejected.Errors, e => e.Key == "Escalation__Ladder__Warning__Clocks").Message, StringComparison.Ordinal);
    }
}
