using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Texts;

public class CustomerTextPlannerTests
{
    private static readonly CustomerTextPlanner Planner = new(TestSettings.Defaults(), TextTestSettings.Defaults());

    private static TextPlan Plan(TicketScript ticket, string now, CustomerTextPlanner? planner = null, IReadOnlySet<string>? answered = null) =>
        (planner ?? Planner).Plan(ticket.History, At(now), answered);

    private static string[] Describe(IEnumerable<CustomerText> texts) => [.. texts.Select(t => $"{t.Key} @ {Show(t.SendAt)}")];

    [Fact]
    public void Opening_owes_an_acknowledgement_with_the_ticket_number_and_the_first_response_deadline_in_local_time()
    {
        var plan = Plan(new TicketScript().Opened("2026-10-12 09:00"), "2026-10-12 09:00");

        var ack = Assert.Single(plan.DueNow);
        Assert.Equal(("T-1/text/ack/1", TextKind.Acknowledgement, true, "zh-CN"), (ack.Key, ack.Kind, ack.IsBudgetExempt, ack.Locale));
        Assert.Equal("张伟您好，您的服务请求已受理，工单号T-1。我们将在10月12日 09:30前与您联系。", ack.Text.Body);
        Assert.Equal(("C-1", "+8613800138000", "zhang.wei@example.cn"), (ack.CustomerId, ack.Phone, ack.Email));
        Assert.Equal(1, ack.Text.Size.Segments);
    }

    [Fact]
    public void An_english_customer_gets_english_with_english_times()
    {
        var customer = TicketScript.Customer with { Name = "Alice Smith", Locale = "en-GB" };

        var ack = Assert.Single(Plan(new TicketScript().Opened("2026-10-12 09:00", customer: customer), "2026-10-12 09:00").DueNow);

        Assert.Equal("Hello Alice Smith, we have your request, ticket T-1. We will contact you by 12 Oct 09:30.", ack.Text.Body);
        Assert.Equal(SmsEncoding.Gsm7, ack.Text.Size.Encoding);
    }

    [Fact]
    public void A_ticket_opened_at_night_is_acknowledged_at_eight_and_the_due_index_is_told_so()
    {
        var plan = Plan(new TicketScript().Opened("2026-10-12 22:30", "P2"), "2026-10-12 22:30");

        Assert.Empty(plan.DueNow);
        Assert.Equal(At("2026-10-13 08:00"), plan.NextDueAt);
        var ack = Assert.Single(plan.Planned, t => t.Kind == TextKind.Acknowledgement);
        Assert.Equal((At("2026-10-12 22:30"), At("2026-10-13 08:00")), (ack.DueAt, ack.SendAt));
        Assert.Contains("10月12日 22:40前", ack.Text.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reply")]
    [InlineData("resolution")]
    public void A_night_acknowledgement_overtaken_by_the_reply_or_the_resolution_is_not_sent_at_eight(string overtakenBy)
    {
        var ticket = new TicketScript().Opened("2026-10-12 02:10", "P1");
        ticket = overtakenBy == "reply" ? ticket.Responded("2026-10-12 02:18") : ticket.Resolved("2026-10-12 05:40");

        var plan = Plan(ticket, "2026-10-12 08:00");

        Assert.DoesNotContain(plan.Planned, t => t.Kind == TextKind.Acknowledgement);
    }

    [Fact]
    public void A_night_acknowledgement_still_goes_at_eight_when_nobody_answered_before()
    {
        var plan = Plan(new TicketScript().Opened("2026-10-12 02:10", "P1").Responded("2026-10-12 08:05"), "2026-10-12 08:00");

        Assert.Single(plan.DueNow, t => t.Kind == TextKind.Acknowledgement);
    }

    [Fact]
    public void A_produced_text_is_not_due_again()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00");
        var history = ticket.History.MarkProduced([CustomerTextKeys.Acknowledgement("T-1", 1)]);

        var plan = Planner.Plan(history, At("2026-10-12 09:05"));

        Assert.Empty(plan.DueNow);
        Assert.Single(plan.Planned, t => t.Kind == TextKind.Acknowledgement);
    }

    [Fact]
    public void A_customer_without_a_phone_is_owed_no_text()
    {
        var customer = TicketScript.Customer with { Phone = null };

        var plan = Plan(new TicketScript().Opened("2026-10-12 09:00", customer: customer).Resolved("2026-10-12 10:00"), "2026-10-13 09:00");

        Assert.Empty(plan.Planned);
        Assert.Null(plan.NextDueAt);
    }

    [Fact]
    public void A_missed_update_owes_a_progress_note_at_its_deadline_which_the_budget_may_hold()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10");
        var updateDeadline = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-10-12 09:10")).Clocks.Single(c => c.Kind == ClockKind.Update).Deadline;

        var plan = Plan(ticket, "2026-10-12 17:00");

        var progress = Assert.Single(plan.DueNow, t => t.Kind == TextKind.Progress);
        Assert.Equal(("T-1/text/progress/2026-10-12", updateDeadline, false), (progress.Key, progress.DueAt, progress.IsBudgetExempt));
        Assert.Equal("张伟您好，工单T-1仍在处理中，有新进展会第一时间告知您，感谢耐心等待。", progress.Text.Body);
    }

    [Fact]
    public void A_reply_before_the_update_deadline_owes_no_progress_note_until_the_next_update_is_missed()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Responded("2026-10-12 14:00");

        var plan = Plan(ticket, "2026-10-12 17:00");

        Assert.DoesNotContain(plan.DueNow, t => t.Kind == TextKind.Progress);
        var next = Assert.Single(plan.Planned, t => t.Kind == TextKind.Progress);
        Assert.Equal(("T-1/text/progress/2026-10-13", "2026-10-13 11:00"), (next.Key, Show(next.DueAt)));
    }

    [Fact]
    public void A_missed_commitment_and_a_missed_update_on_the_same_day_owe_one_progress_note()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Committed("2026-10-12 09:20", "2026-10-12 11:00");

        var plan = Plan(ticket, "2026-10-12 17:30");

        var progress = Assert.Single(plan.Planned, t => t.Kind == TextKind.Progress);
        Assert.Equal(("T-1/text/progress/2026-10-12", At("2026-10-12 11:00")), (progress.Key, progress.DueAt));
    }

    [Fact]
    public void P1_progress_is_news_exempt_from_the_budget_and_holidays_but_not_from_the_night()
    {
        var ticket = new TicketScript().Opened("2026-10-02 10:00", "P1").Responded("2026-10-02 10:05");
        var plan = Plan(ticket, "2026-10-02 12:00");

        var progress = Assert.Single(plan.DueNow, t => t.Kind == TextKind.Progress);
        Assert.True(progress.IsBudgetExempt);
        Assert.Equal("2026-10-02 11:05", Show(progress.SendAt));

        var late = Plan(new TicketScript().Opened("2026-10-02 20:30", "P1").Responded("2026-10-02 20:35"), "2026-10-02 22:00");
        Assert.Equal("2026-10-03 08:00", Show(Assert.Single(late.Planned, t => t.Kind == TextKind.Progress).SendAt));
    }

    [Fact]
    public void Texts_of_other_priorities_wait_out_a_public_holiday()
    {
        var plan = Plan(new TicketScript().Opened("2026-10-02 10:00", "P3"), "2026-10-02 10:00");

        Assert.Equal(["T-1/text/ack/1 @ 2026-10-08 08:00"], Describe(plan.Planned.Where(t => t.Kind == TextKind.Acknowledgement)));
        Assert.Empty(plan.DueNow);
    }

    [Fact]
    public void No_progress_note_while_the_ticket_waits_for_the_customer_or_once_resolved()
    {
        var waiting = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Status("2026-10-12 09:20", TicketStatus.WaitingForCustomer);
        var resolved = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Resolved("2026-10-13 09:00");

        Assert.DoesNotContain(Plan(waiting, "2026-10-13 17:00").Planned, t => t.Kind == TextKind.Progress);
        Assert.DoesNotContain(Plan(resolved, "2026-10-13 10:00").Planned, t => t.Kind == TextKind.Progress);
    }

    [Fact]
    public void A_visit_is_reminded_the_day_before_with_its_local_time_and_technician()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Appointment("2026-10-12 10:00", "A-1", "2026-10-14 14:30");

        var plan = Plan(ticket, "2026-10-13 14:30");

        var reminder = Assert.Single(plan.DueNow, t => t.Kind == TextKind.AppointmentDayBefore);
        Assert.Equal(("T-1/text/appointment-day-before@T-1-e2", At("2026-10-13 14:30"), true), (reminder.Key, reminder.DueAt, reminder.IsBudgetExempt));
        Assert.Equal("张伟您好，工程师王师傅将于10月14日 14:30上门服务（工单T-1），如需改约请来电。", reminder.Text.Body);
    }

    [Fact]
    public void With_the_second_reminder_on_a_visit_is_also_reminded_two_hours_before()
    {
        var planner = new CustomerTextPlanner(TestSettings.Defaults(), TextTestSettings.With(("Texts:AppointmentSoonReminder", "true")));
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Appointment("2026-10-12 10:00", "A-1", "2026-10-14 09:30");

        var plan = Plan(ticket, "2026-10-12 10:00", planner);

        Assert.Equal(
            ["T-1/text/appointment-day-before@T-1-e2 @ 2026-10-13 09:30", "T-1/text/appointment-soon@T-1-e2 @ 2026-10-14 08:00"],
            Describe(plan.Planned.Where(t => t.Kind is not (TextKind.Acknowledgement or TextKind.Apology))));
    }

    [Fact]
    public void A_visit_booked_at_short_notice_is_reminded_once_at_booking()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Appointment("2026-10-12 10:00", "A-1", "2026-10-12 16:00");

        var plan = Plan(ticket, "2026-10-12 10:00");

        Assert.Equal(["T-1/text/appointment-day-before@T-1-e2 @ 2026-10-12 10:00"], Describe(plan.Planned.Where(t => t.Kind is not (TextKind.Acknowledgement or TextKind.Apology))));
    }

    [Fact]
    public void A_cancelled_visit_is_not_reminded_and_a_rebooked_one_is_reminded_for_its_new_time_only()
    {
        var cancelled = new TicketScript().Opened("2026-10-12 09:00").Appointment("2026-10-12 10:00", "A-1", "2026-10-14 14:30")
            .AppointmentCancelled("2026-10-12 11:00", "A-1");
        var rebooked = new TicketScript().Opened("2026-10-12 09:00").Appointment("2026-10-12 10:00", "A-1", "2026-10-14 14:30")
            .Appointment("2026-10-12 11:00", "A-1", "2026-10-15 10:00");

        Assert.DoesNotContain(Plan(cancelled, "2026-10-13 15:00").Planned, t => t.Kind == TextKind.AppointmentDayBefore);
        Assert.Equal(
            ["T-1/text/appointment-day-before@T-1-e3 @ 2026-10-14 10:00"],
            Describe(Plan(rebooked, "2026-10-13 15:00").Planned.Where(t => t.Kind == TextKind.AppointmentDayBefore)));
    }

    [Fact]
    public void Resolution_owes_a_thank_you_and_survey_two_hours_later_with_a_signed_link_to_that_survey()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Resolved("2026-10-13 15:00");

        var plan = Plan(ticket, "2026-10-13 17:00");

        var survey = Assert.Single(plan.DueNow, t => t.Kind == TextKind.Survey);
        Assert.Equal(("T-1/text/survey/1", At("2026-10-13 17:00"), false), (survey.Key, survey.DueAt, survey.IsBudgetExempt));
        var link = survey.Text.Body[survey.Text.Body.IndexOf(TextTestSettings.LinkBase, StringComparison.Ordinal)..];
        var check = TextTestSettings.Defaults().SurveyTokens().Check(link[TextTestSettings.LinkBase.Length..], At("2026-10-20 09:00"));
        Assert.Equal(new SurveyTokenClaims("T-1", 1, At("2026-11-12 17:00")), check.Claims);
        Assert.DoesNotContain(plan.Planned, t => t.Kind == TextKind.SurveyReminder);
    }

    [Fact]
    public void A_survey_sent_and_unanswered_is_reminded_once_48_hours_later_but_not_once_answered()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Resolved("2026-10-13 15:00");
        var history = ticket.History.MarkProduced(["T-1/text/ack/1", "T-1/text/survey/1"]);

        var plan = Planner.Plan(history, At("2026-10-15 17:00"));
        var answered = Planner.Plan(history, At("2026-10-15 17:00"), new HashSet<string> { "T-1/text/survey/1" });

        var reminder = Assert.Single(plan.DueNow);
        Assert.Equal(("T-1/text/survey-reminder/1", TextKind.SurveyReminder, false), (reminder.Key, reminder.Kind, reminder.IsBudgetExempt));
        Assert.Empty(answered.DueNow);
        Assert.Empty(Planner.Plan(history.MarkProduced(["T-1/text/survey-reminder/1"]), At("2026-10-20 09:00")).DueNow);
    }

    [Fact]
    public void A_survey_due_at_night_waits_for_the_morning()
    {
        var plan = Plan(new TicketScript().Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Resolved("2026-10-12 20:00"), "2026-10-12 20:00");

        Assert.Equal(["T-1/text/ack/1 @ 2026-10-12 09:00", "T-1/text/survey/1 @ 2026-10-13 08:00"], Describe(plan.Planned));
        Assert.Equal(At("2026-10-13 08:00"), plan.NextDueAt);
    }

    [Fact]
    public void A_ticket_reopened_before_its_survey_is_not_surveyed_for_that_resolution()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Resolved("2026-10-13 15:00").Reopened("2026-10-13 16:00")
            .Resolved("2026-10-14 10:00");

        var plan = Plan(ticket, "2026-10-14 12:00");

        Assert.Equal(["T-1/text/survey/2"], plan.Planned.Where(t => t.Kind == TextKind.Survey).Select(t => t.Key));
    }

    [Fact]
    public void A_ticket_without_an_opening_owes_nothing_yet()
    {
        var history = TicketHistory.Empty("T-1").Apply(new TicketResolved("e-1", "T-1", At("2026-10-12 10:00"), null));

        Assert.Empty(Planner.Plan(history, At("2026-10-12 12:00")).Planned);
    }

    [Fact]
    public void Planning_twice_gives_the_same_texts()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00").Appointment("2026-10-12 10:00", "A-1", "2026-10-14 14:30").Resolved("2026-10-15 15:00");

        Assert.Equal(Plan(ticket, "2026-10-16 09:00").Planned, Plan(ticket, "2026-10-16 09:00").Planned);
    }

    [Fact]
    public void A_survey_held_by_a_holiday_is_reminded_48_hours_after_it_went_out_not_in_the_same_minute()
    {
        // P2 resolved on 3 Oct 14:00 (National Day): the survey waits for 8 Oct 08:00; its reminder comes two days later.
        var ticket = new TicketScript().Opened("2026-10-03 10:00", "P2").Responded("2026-10-03 10:05").Resolved("2026-10-03 14:00");
        var history = ticket.History.MarkProduced(["T-1/text/ack/1", "T-1/text/survey/1"]);

        var plan = Planner.Plan(history, At("2026-10-08 08:00"));

        var survey = Assert.Single(plan.Planned, t => t.Kind == TextKind.Survey);
        var reminder = Assert.Single(plan.Planned, t => t.Kind == TextKind.SurveyReminder);
        Assert.Equal("2026-10-08 08:00", Show(survey.SendAt));
        Assert.Equal(("2026-10-10 08:00", "2026-10-10 08:00"), (Show(reminder.DueAt), Show(reminder.SendAt)));
        Assert.DoesNotContain(plan.DueNow, t => t.Kind == TextKind.SurveyReminder);
    }

    [Fact]
    public void A_missed_first_response_owes_the_customer_one_apology_at_the_deadline_counted_by_the_budget()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P3");

        var plan = Plan(ticket, "2026-10-12 09:30");

        var apology = Assert.Single(plan.DueNow, t => t.Kind == TextKind.Apology);
        Assert.Equal(("T-1/text/apology/1", "2026-10-12 09:30", false), (apology.Key, Show(apology.SendAt), apology.IsBudgetExempt));
        Assert.Equal("张伟您好，很抱歉未能按时与您联系（工单T-1）。主管已在跟进，我们会尽快联系您，并及时告知进展。", apology.Text.Body);
        Assert.DoesNotContain(
            Planner.Plan(ticket.History.MarkProduced(["T-1/text/ack/1", "T-1/text/apology/1"]), At("2026-10-13 09:30")).DueNow,
            t => t.Kind == TextKind.Apology);
    }

    [Fact]
    public void A_first_response_in_time_owes_no_apology()
    {
        var plan = Plan(new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 09:20"), "2026-10-12 12:00");

        Assert.DoesNotContain(plan.Planned, t => t.Kind == TextKind.Apology);
    }

    [Fact]
    public void An_apology_held_by_the_night_past_the_reply_is_not_sent()
    {
        // P2 opened 22:30: the first response was due 22:40, the apology would wait for 08:00, the reply came at 07:00.
        var plan = Plan(new TicketScript().Opened("2026-10-12 22:30", "P2").Responded("2026-10-13 07:00"), "2026-10-13 08:00");

        Assert.DoesNotContain(plan.Planned, t => t.Kind == TextKind.Apology);
    }

    [Fact]
    public void A_customer_abroad_gets_texts_in_their_own_daytime_with_their_own_local_times()
    {
        var berliner = TicketScript.Customer with { Name = "Anna", Locale = "en", TimeZone = "Europe/Berlin" };
        // 15:00 in Shanghai is 09:00 in Berlin. The survey due at 12:00 Shanghai the next day (06:00 Berlin) waits for 08:00 Berlin.
        var ticket = new TicketScript().Opened("2026-10-12 15:00", "P3", customer: berliner).Responded("2026-10-12 15:10").Resolved("2026-10-13 10:00");

        var plan = Plan(ticket, "2026-10-13 10:00");

        var ack = Assert.Single(plan.Planned, t => t.Kind == TextKind.Acknowledgement);
        Assert.Equal("2026-10-12 15:00", Show(ack.SendAt));
        Assert.EndsWith("We will contact you by 12 Oct 09:30.", ack.Text.Body, StringComparison.Ordinal);
        Assert.Equal("2026-10-13 14:00", Show(Assert.Single(plan.Planned, t => t.Kind == TextKind.Survey).SendAt));
    }
}
