using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Tickets;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Sla;

public class FirstResponseOutcomeTests
{
    private readonly SlaEngine engine = new(TestSettings.Defaults());

    [Fact]
    public void A_ticket_closed_without_a_reply_to_the_customer_has_no_first_response_not_a_met_one()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P3").Closed("2026-10-12 09:10");
        var at = At("2026-10-12 12:00");

        var firstResponse = engine.Assess(ticket.History, at).Clock(ClockPlanner.FirstResponseId);

        Assert.Equal(ClockOutcome.Unanswered, firstResponse.OutcomeAt(at));
        Assert.Equal("TicketClosed", firstResponse.StoppedBy);
    }

    [Fact]
    public void A_ticket_resolved_without_a_reply_has_no_first_response()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 09:05");
        var at = At("2026-10-12 12:00");

        var firstResponse = engine.Assess(ticket.History, at).Clock(ClockPlanner.FirstResponseId);

        Assert.Equal(ClockOutcome.Unanswered, firstResponse.OutcomeAt(at));
        Assert.Equal("TicketResolved", firstResponse.StoppedBy);
    }

    [Fact]
    public void A_reply_before_the_resolution_is_a_met_first_response()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:04").Resolved("2026-10-12 09:05");
        var at = At("2026-10-12 12:00");

        Assert.Equal(ClockOutcome.Met, engine.Assess(ticket.History, at).Clock(ClockPlanner.FirstResponseId).OutcomeAt(at));
    }

    [Fact]
    public void A_close_and_a_reopen_in_the_same_second_leave_the_ticket_open_with_a_new_cycle()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05")
            .Closed("2026-10-12 10:00").Reopened("2026-10-12 10:00");
        var arrivedReopenFirst = TicketHistory.Empty("T-1").Apply(ticket.Events[3]).Apply(ticket.Events[0]).Apply(ticket.Events[1]).Apply(ticket.Events[2]);

        foreach (var history in new[] { ticket.History, arrivedReopenFirst })
        {
            var assessment = engine.Assess(history, At("2026-10-12 10:01"));

            Assert.Equal(TicketPhase.Active, assessment.Phase);
            Assert.Equal(2, assessment.Cycle);
            Assert.Contains(assessment.Clocks, c => c.Cycle == 2 && c.Kind == ClockKind.FirstResponse && c.StoppedAt is null);
        }
    }

    [Fact]
    public void A_clock_paused_when_the_ticket_is_resolved_keeps_the_time_it_had_to_spare()
    {
        // P3 on business hours: 30 min to the first reply; 10 min used, then waiting for the customer until resolved.
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 09:05")
            .Status("2026-10-12 09:10", TicketStatus.WaitingForCustomer).Resolved("2026-10-12 11:00");
        var at = At("2026-10-12 12:00");

        var resolution = engine.Assess(ticket.History, at).Clock(ClockPlanner.ResolutionId);

        Assert.Equal(ClockOutcome.Met, resolution.OutcomeAt(at));
        Assert.Equal(NodaTime.Duration.FromMinutes(27 * 60 - 10), resolution.WorkingSlack);
        Assert.NotNull(resolution.Deadline);
        Assert.True(resolution.CalendarSlack > NodaTime.Duration.Zero);
    }

    [Fact]
    public void Working_slack_counts_only_working_time_across_a_weekend()
    {
        // P3: 27 working hours from Wed 10-14 09:00 end Fri 10-16 17:30 (9 h a day); resolved Monday 10:10 is 1 h 40 min late in working time.
        var ticket = new TicketScript().Opened("2026-10-14 08:30", "P3").Responded("2026-10-14 08:40").Resolved("2026-10-19 10:10");
        var at = At("2026-10-19 12:00");

        var resolution = engine.Assess(ticket.History, at).Clock(ClockPlanner.ResolutionId);

        Assert.Equal(ClockOutcome.Missed, resolution.OutcomeAt(at));
        Assert.Equal(-NodaTime.Duration.FromMinutes(100), resolution.WorkingSlack);
        Assert.Equal(-(NodaTime.Duration.FromDays(2) + NodaTime.Duration.FromMinutes(16 * 60 + 40)), resolution.CalendarSlack);
    }
}
