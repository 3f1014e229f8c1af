using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Sla;

public class TicketStateRulesTests
{
    private readonly SlaEngine engine = new(TestSettings.Defaults());

    [Fact]
    public void A_resolved_ticket_gets_no_step_even_when_one_was_due_before_the_resolution()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 09:05");

        var assessment = engine.Assess(ticket.History, At("2026-10-12 10:00"));

        Assert.Equal(TicketPhase.Resolved, assessment.Phase);
        Assert.Empty(assessment.DueNow);
        // Only the major incident's fault analysis report is still to come: its reminder, 75% of 3 working days on.
        Assert.Equal(At("2026-10-14 11:20"), assessment.NextDueAt);
        Assert.All(assessment.Planned.Where(s => s.DueAt >= assessment.NextDueAt), s => Assert.Equal(MajorIncidentPlanner.FaultReportClockId, s.ClockId));
    }

    [Fact]
    public void A_closed_ticket_gets_no_step()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Closed("2026-10-12 09:01");

        var assessment = engine.Assess(ticket.History, At("2026-10-12 12:00"));

        Assert.Equal(TicketPhase.Closed, assessment.Phase);
        Assert.Empty(assessment.DueNow);
    }

    [Fact]
    public void A_ticket_waiting_for_the_customer_gets_no_step_and_its_clocks_resume_when_the_customer_replies()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Status("2026-10-12 09:01", TicketStatus.WaitingForCustomer);

        var paused = engine.Assess(ticket.History, At("2026-10-12 12:00"));
        Assert.Equal(TicketPhase.Paused, paused.Phase);
        Assert.Empty(paused.DueNow);
        Assert.Null(paused.NextDueAt);
        Assert.Null(paused.Clock(ClockPlanner.FirstResponseId).Deadline);

        var resumed = engine.Assess(ticket.CustomerReplied("2026-10-12 12:30").History, At("2026-10-12 12:30"));
        Assert.Equal(TicketPhase.Active, resumed.Phase);
        Assert.Equal("2026-10-12 12:39", Show(resumed.Deadline(ClockPlanner.FirstResponseId)));
        Assert.Equal([.. P1Chain("2026-10-12 09:00")], Describe(resumed.DueNow));
    }

    [Fact]
    public void A_pause_extends_deadlines_by_the_working_time_it_covered()
    {
        var ticket = new TicketScript().Opened("2026-10-19 10:00", "P3").Responded("2026-10-19 10:20")
            .Status("2026-10-19 10:25", TicketStatus.WaitingForCustomer).CustomerReplied("2026-10-21 15:00");

        var assessment = engine.Assess(ticket.History, At("2026-10-21 15:00"));

        // 25 min before the pause, then Wed 2.5 h + Thu 9 h + Fri 9 h, then 6 h 05 on Monday: 27 working hours.
        Assert.Equal("2026-10-26 14:35", Show(assessment.Deadline(ClockPlanner.ResolutionId)));
    }

    [Fact]
    public void On_hold_does_not_pause_the_clocks_unless_the_policy_says_so()
    {
        var ticket = new TicketScript().Opened("2026-10-19 10:00", "P3").Status("2026-10-19 10:10", TicketStatus.OnHold);
        var at = At("2026-10-20 10:00");

        var byDefault = engine.Assess(ticket.History, at);
        var pausing = new SlaEngine(TestSettings.With(("Sla:Policies:P3:PauseOnHold", "true"))).Assess(ticket.History, at);

        Assert.Equal("2026-10-22 10:00", Show(byDefault.Deadline(ClockPlanner.ResolutionId)));
        Assert.Equal(TicketPhase.Paused, pausing.Phase);
        Assert.Null(pausing.Clock(ClockPlanner.ResolutionId).Deadline);
    }

    [Fact]
    public void Reopening_starts_a_new_cycle_whose_clocks_run_from_the_reopen_time()
    {
        var ticket = new TicketScript().Opened("2026-11-02 09:00", "P3").Responded("2026-11-02 09:10")
            .Resolved("2026-11-03 16:00").Reopened("2026-11-05 10:00").Responded("2026-11-05 10:40");

        var steps = Sweep(ticket.History, until: "2026-11-05 12:00");

        Assert.Equal(
            [
                "warning update@T-1-e2 @ 2026-11-02 13:40",
                "supervisor update@T-1-e2 @ 2026-11-02 15:10",
                "warning first-response @ 2026-11-05 10:22",
                "supervisor first-response @ 2026-11-05 10:30",
            ],
            Describe(steps));
        Assert.Equal(["T-1/first-response/warning/2", "T-1/first-response/supervisor/2"], steps.Skip(2).Select(s => s.Key));
    }

    [Fact]
    public void Reopening_never_repeats_a_step_of_an_earlier_cycle()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 09:30").Reopened("2026-10-12 11:00");

        var steps = Sweep(ticket.History, until: "2026-10-12 11:30");

        Assert.Equal(steps.Count, steps.Select(s => s.Key).Distinct().Count());
        Assert.Equal(2, steps.Count(s => s.Level == "supervisor"));
        Assert.All(steps.Where(s => s.DueAt >= At("2026-10-12 11:00")), s => Assert.Equal(2, s.Cycle));
    }

    [Fact]
    public void A_priority_change_replans_the_running_clocks_from_the_opening()
    {
        var ticket = new TicketScript().Opened("2026-11-09 09:00", "P3").PriorityChanged("2026-11-09 09:20", "P1").Responded("2026-11-09 09:25");

        var steps = Sweep(ticket.History, until: "2026-11-09 09:30");

        Assert.Equal(
            [
                .. P1Chain("2026-11-09 09:00"),
                "p1-breach first-response @ 2026-11-09 09:10",
                "supervisor first-response @ 2026-11-09 09:10",
            ],
            Describe(steps));
    }

    [Fact]
    public void A_priority_change_drops_steps_that_no_longer_apply()
    {
        var ticket = new TicketScript().Opened("2026-11-09 09:00", "P2").Responded("2026-11-09 09:05").PriorityChanged("2026-11-09 09:30", "P4");

        var assessment = engine.Assess(ticket.History, At("2026-11-09 12:00"));

        Assert.Equal("P4", assessment.Policy);
        Assert.DoesNotContain(assessment.Clocks, c => c.Kind == ClockKind.Update);
        Assert.DoesNotContain(assessment.Planned, s => s.Clock == ClockKind.Update || s.Level.StartsWith("p1", StringComparison.Ordinal));
        Assert.Equal("2026-11-09 15:00", Show(assessment.Deadline(ClockPlanner.FirstResponseId)));
    }

    [Fact]
    public void A_policy_change_in_settings_replans_the_same_history()
    {
        var ticket = new TicketScript().Opened("2026-10-19 09:00", "P3");
        var at = At("2026-10-19 09:05");

        var before = engine.Assess(ticket.History, at);
        var after = new SlaEngine(TestSettings.With(("Sla:Policies:P3:FirstResponse", "PT2H"))).Assess(ticket.History, at);

        Assert.Equal("2026-10-19 09:30", Show(before.Deadline(ClockPlanner.FirstResponseId)));
        Assert.Equal("2026-10-19 11:00", Show(after.Deadline(ClockPlanner.FirstResponseId)));
    }

    [Fact]
    public void A_produced_step_is_never_due_again()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").History;
        var first = engine.Assess(history, At("2026-10-12 09:15"));

        history = history.MarkProduced(first.DueNow.Select(s => s.Key));

        Assert.Equal(5, first.DueNow.Count); // p1-breach, supervisor, and the major incident chain of three
        // The warning (its deadline passed) and p1-opened (the chain tells the duty manager).
        Assert.Equal(["p1-opened", "warning"], first.Superseded.Select(s => s.Level).Order(StringComparer.Ordinal));
        Assert.Empty(engine.Assess(history, At("2026-10-12 09:15")).DueNow);
        Assert.Empty(engine.Assess(history, At("2026-10-12 09:20")).DueNow);
    }

    [Fact]
    public void The_next_due_instant_is_the_earliest_step_not_yet_due()
    {
        var assessment = engine.Assess(new TicketScript().Opened("2026-10-12 09:00", "P1").History, At("2026-10-12 09:00"));

        Assert.Equal([.. P1Chain("2026-10-12 09:00")], Describe(assessment.DueNow));
        Assert.Equal(At("2026-10-12 09:00") + NodaTime.Duration.FromSeconds(450), assessment.NextDueAt);
    }

    [Fact]
    public void Events_that_arrive_before_their_ticket_opened_wait_for_it()
    {
        var early = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");
        var responseOnly = TicketHistoryOf(early.Events[1]);

        var waiting = engine.Assess(responseOnly, At("2026-10-12 09:06"));
        var complete = engine.Assess(responseOnly.Apply(early.Events[0]), At("2026-10-12 09:06"));

        Assert.Equal(TicketPhase.AwaitingOpening, waiting.Phase);
        Assert.Empty(waiting.DueNow);
        Assert.Equal(ClockOutcome.Met, complete.Clock(ClockPlanner.FirstResponseId).OutcomeAt(At("2026-10-12 09:06")));
    }

    private static Core.Tickets.TicketHistory TicketHistoryOf(TicketEvent e) => Core.Tickets.TicketHistory.Empty(e.TicketId).Apply(e);
}

public class FutureStampedEventTests
{
    [Fact]
    public void An_event_stamped_ahead_of_now_takes_effect_at_its_own_time_and_says_when_to_look_again()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").History;
        var engine = new SlaEngine(TestSettings.Defaults());

        var early = engine.Assess(history, At("2026-10-12 08:59"));
        var onTime = engine.Assess(history, At("2026-10-12 09:00"));

        Assert.Equal(TicketPhase.AwaitingOpening, early.Phase);
        Assert.Equal(At("2026-10-12 09:00"), early.NextDueAt);
        Assert.Equal([.. P1Chain("2026-10-12 09:00")], Describe(onTime.DueNow));
    }
}
