using AfterSales.Core.Email;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Email;

public class EscalationEmailRendererTests
{
    private static (EmailMessage Email, EscalationStep Step) Render(string locale, string now, TicketScript ticket)
    {
        var settings = TestSettings.With(("Email:Locale", locale));
        var engine = new SlaEngine(settings);
        var planned = engine.Assess(ticket.History, At(now)).Planned;
        var step = planned.Single(s => s.Level == "supervisor");
        var told = planned.Where(s => s.Level == "warning").ToList();
        return (new EscalationEmailRenderer(settings, engine).Render(ticket.History, step, told, At(now)), step);
    }

    private static TicketScript LateP3() => new TicketScript("T-1042").Opened("2026-10-16 17:00", "P3").Status("2026-10-16 17:05", AfterSales.Core.Events.TicketStatus.InProgress);

    [Fact]
    public void The_subject_names_priority_lateness_ticket_promise_customer_and_owner()
    {
        var (email, _) = Render("en", "2026-10-19 09:05", LateP3());

        // Late in the policy's working time: 35 min, though the weekend makes it 2 d 15 h 35 min on the wall clock.
        Assert.Equal("[P3 · overdue 35 min] #T-1042 first response — 张伟 — owner Li Wei", email.Subject);
        Assert.Equal("metro.supervisor@example.com", email.To);
    }

    [Fact]
    public void The_body_says_how_late_in_working_and_calendar_time_what_to_do_who_was_told_and_links_the_ticket()
    {
        var (email, step) = Render("en", "2026-10-19 09:05", LateP3());

        Assert.Contains("Late by: 35 min working time (2 d 15 h 35 min calendar time)", email.Text, StringComparison.Ordinal);
        Assert.Contains($"What you need to do: {step.Expectation}", email.Text, StringComparison.Ordinal);
        Assert.Contains("owner li.wei@example.com · warning", email.Text, StringComparison.Ordinal);
        Assert.Contains("Open ticket #T-1042: https://helpdesk.example.com/tickets/T-1042", email.Text, StringComparison.Ordinal);
        Assert.Contains("10-16 17:05  Status: in progress", email.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://helpdesk.example.com/tickets/T-1042\"", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_is_the_default_language()
    {
        var (email, _) = Render("zh-CN", "2026-10-19 09:05", LateP3());

        Assert.Equal("[P3 · 已超时 35 分钟] #T-1042 首次响应 — 张伟 — 负责人 Li Wei", email.Subject);
        Assert.Contains("超时: 工作时间 35 分钟（日历时间 2 天 15 小时 35 分钟）", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_has_inline_styles_only_no_scripts_and_encodes_what_the_helpdesk_sent()
    {
        var ticket = new TicketScript("T-<b>").Opened("2026-10-16 17:00", "P3");
        var (email, _) = Render("en", "2026-10-19 09:05", ticket);

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("#T-<b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("#T-&lt;b&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("tickets/T-%3Cb%3E", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sent_at_the_deadline_the_email_says_just_overdue_without_a_zero_lateness_row()
    {
        var (email, _) = Render("en", "2026-10-12 09:10", new TicketScript("T-7").Opened("2026-10-12 09:00", "P1"));

        Assert.StartsWith("[P1 · just overdue] #T-7 first response", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Late by", email.Text, StringComparison.Ordinal);
        Assert.Contains("Priority: P1\n", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_24x7_policy_lateness_is_told_once_since_working_and_calendar_time_are_the_same()
    {
        var (email, _) = Render("en", "2026-10-12 09:30", new TicketScript("T-8").Opened("2026-10-12 09:00", "P1"));

        Assert.StartsWith("[P1 · overdue 20 min] #T-8", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Late by: 20 min\n", email.Text, StringComparison.Ordinal);
    }
}
