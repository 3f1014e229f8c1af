using AfterSales.Core.Application;
using AfterSales.Core.Calendars;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.ThreeStrikes;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Email;

/// <summary>The emails of the major incident chain, the fault-report clock, three strikes and a calendar running out, in both locales.</summary>
public class PolicyRuleEmailTests
{
    private static EmailMessage RenderStep(string locale, TicketScript ticket, string level, string now)
    {
        var settings = TestSettings.With(("Email:Locale", locale));
        var engine = new SlaEngine(settings);
        var step = engine.Assess(ticket.History, At(now)).Planned.Single(s => s.Level == level);
        return new EscalationEmailRenderer(settings, engine).Render(ticket.History, step, [], At(now));
    }

    private static TicketScript P1() => new TicketScript("T-7001").Opened("2026-10-12 09:00", "P1");

    [Fact]
    public void The_major_incident_report_gives_time_installation_symptoms_and_the_handling_plan_in_english()
    {
        var email = RenderStep("en", P1(), "major-incident-department-head", "2026-10-12 09:00");

        Assert.Equal("head@example.com", email.To);
        Assert.Contains("major incident opened", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Signalling server down", email.Text, StringComparison.Ordinal);
        Assert.Contains("Since: 10-12 09:00", email.Text, StringComparison.Ordinal);
        Assert.Contains("Installation: INS-1", email.Text, StringComparison.Ordinal);
        Assert.Contains("Handling plan: Li Wei handles it; next: first response by 10-12 09:10", email.Text, StringComparison.Ordinal);
        Assert.Contains("Reported to: duty manager, department head, manager", email.Text, StringComparison.Ordinal);
        Assert.Contains(MajorIncidentPlanner.ChainExpectation, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_major_incident_report_in_chinese()
    {
        var email = RenderStep("zh-CN", P1(), "major-incident-manager", "2026-10-12 09:00");

        Assert.Contains("发生时间: 10-12 09:00", email.Text, StringComparison.Ordinal);
        Assert.Contains("处理方案: 由 Li Wei 处理；下一截止：首次响应 10-12 09:10 前", email.Text, StringComparison.Ordinal);
        Assert.Contains("上报对象: 值班经理、部门负责人、经理", email.Text, StringComparison.Ordinal);
        Assert.Contains("重大故障：请立即查看处理方案", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "fault analysis report", "File the fault analysis report")]
    [InlineData("zh-CN", "故障分析报告", "请在截止时间前提交故障分析报告")]
    public void The_fault_report_reminder_names_the_report_and_the_time_left_in_working_time(string locale, string promise, string expectation)
    {
        var ticket = P1().Resolved("2026-10-12 10:00");

        var email = RenderStep(locale, ticket, MajorIncidentPlanner.ReminderLevel, "2026-10-14 12:15");

        Assert.Equal(TicketScript.Owner.Email, email.To);
        Assert.Contains(promise, email.Subject, StringComparison.Ordinal);
        Assert.Contains(expectation, email.Text, StringComparison.Ordinal);
        // 6 h 45 min of working time (business calendar) to Thursday 10:00, not the 21 h 45 min of a 24x7 P1.
        Assert.Contains(locale == "en" ? "6 h 45 min working time" : "工作时间 6 小时 45 分钟", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fault_report_late_notice_goes_to_the_manager()
    {
        var email = RenderStep("en", P1().Resolved("2026-10-12 10:00"), MajorIncidentPlanner.LateLevel, "2026-10-15 10:00");

        Assert.Equal("manager@example.com", email.To);
        Assert.Contains("fault analysis report was missed", email.Text, StringComparison.Ordinal);
    }

    private static EmailMessage Strike(string locale)
    {
        var settings = TestSettings.With(("Email:Locale", locale));
        var tickets = new[]
        {
            new CustomerTicket("T-1", At("2026-07-01 09:00"), TicketCategory.Repair, "metro", "Door sensor fault"),
            new CustomerTicket("T-2", At("2026-08-01 09:00"), TicketCategory.Complaint, "metro", "Technician late"),
            new CustomerTicket("T-3", At("2026-09-01 09:00"), TicketCategory.Repair, "metro", "Door sensor fault again"),
        };
        var flag = new StrikeFlag("T-3", At("2026-09-01 09:00"), ["T-1", "T-2", "T-3"]);
        var step = ThreeStrikesCheck.StepFor(settings, flag, tickets, "张伟", At("2026-09-01 09:00"));
        return new EscalationEmailRenderer(settings, new SlaEngine(settings)).RenderRuleNotice(step, At("2026-09-01 09:00"))!;
    }

    [Fact]
    public void The_three_strikes_flag_lists_every_ticket_counted_for_the_manager()
    {
        var email = Strike("en");

        Assert.Equal("manager@example.com", email.To);
        Assert.Equal("[Three strikes] 张伟: 3 tickets in 90 days — latest #T-3", email.Subject);
        Assert.Contains("2026-07-01  #T-1 · repair · Door sensor fault", email.Text, StringComparison.Ordinal);
        Assert.Contains("2026-08-01  #T-2 · complaint · Technician late", email.Text, StringComparison.Ordinal);
        Assert.Contains("2026-09-01  #T-3 · repair · Door sensor fault again", email.Text, StringComparison.Ordinal);
        Assert.Contains("not flagged again before 2026-11-30", email.Text, StringComparison.Ordinal);
        Assert.Equal("T-3/three-strikes/three-strikes/1", email.StepKey);
    }

    [Fact]
    public void The_three_strikes_flag_in_chinese()
    {
        var email = Strike("zh-CN");

        Assert.Equal("[三次来电] 客户张伟：90 天内 3 张工单 — 最新 #T-3", email.Subject);
        Assert.Contains("#T-2 · 投诉 · Technician late", email.Text, StringComparison.Ordinal);
        Assert.Contains("<td", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "[AfterSales] Calendar Business: holidays of 2027 missing, 45 days left", "Calendars__Business__HolidayYears")]
    [InlineData("zh-CN", "[AfterSales] 日历 Business：缺少 2027 年节假日，还剩 45 天", "Calendars__Business__Holidays")]
    public void The_calendar_notice_says_which_calendar_runs_out_when_and_what_to_set(string locale, string subject, string key)
    {
        var settings = TestSettings.With(("Email:Locale", locale), ("Escalation:Teams:Default:Admin", "admin@example.com"));
        var now = At("2026-11-17 00:00");
        var status = CalendarCoverage.StatusOf(settings.Calendars["Business"], now, Duration.FromDays(60));
        var step = CalendarCoverageNotice.StepFor(settings, status, now);

        var email = new EscalationEmailRenderer(settings, new SlaEngine(settings)).RenderRuleNotice(step, now)!;

        Assert.Equal("admin@example.com", email.To);
        Assert.Equal(subject, email.Subject);
        Assert.Contains(key, email.Text, StringComparison.Ordinal);
        Assert.Equal("calendar:Business/calendar-coverage/calendar-coverage/2027", step.Key);
    }

    [Fact]
    public void Without_an_admin_address_the_calendar_notice_goes_to_the_duty_manager()
    {
        var settings = TestSettings.Defaults();
        var now = At("2026-11-16 08:00");

        var step = CalendarCoverageNotice.StepFor(settings, CalendarCoverage.StatusOf(settings.Calendars["Business"], now, Duration.FromDays(60)), now);

        Assert.Equal(EscalationRoles.DutyManager, step.Role);
        Assert.Equal("duty@example.com", step.Recipient);
    }
}
