using AfterSales.Core.Reports;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Reports;

public sealed class MonthlyReportTests
{
    [Fact]
    public async Task On_the_first_at_09_00_the_managers_get_the_month_before_with_teams_policies_trend_latest_tickets_and_ratings()
    {
        var week = new ScriptedWeek();
        var report = week.Monthly();

        var early = await report.RunAsync(At("2026-11-01 08:59"), CancellationToken.None);
        var run = await report.RunAsync(At("2026-11-01 09:00"), CancellationToken.None);
        var again = await report.RunAsync(At("2026-11-01 09:05"), CancellationToken.None);

        Assert.True(early.Idle);
        Assert.True(again.Idle);
        var delivery = Assert.Single(run.Deliveries);
        Assert.Equal("manager@example.com", delivery.To);
        Assert.StartsWith("report-2026-10-", delivery.Message.StepKey, StringComparison.Ordinal);
        var content = delivery.Content;
        Assert.Equal("October 2026: 3 tickets opened, 3 resolved, 1 promises broken.", content.Summary);
        Assert.Equal(["3"], content.Row("Tickets", "Opened"));
        Assert.Equal(["67%"], content.Row("Tickets", "First response met"));
        Assert.Equal(["1"], content.Row("Tickets", "Customers flagged (three strikes)"));
        Assert.Equal(["1"], content.Row("Tickets", "Major incidents"));
        Assert.Equal(["2"], content.Row("Tickets", "Revisits: Due"));
        Assert.Equal(["2"], content.Row("Tickets", "Revisits: Done"));
        Assert.Equal(["1"], content.Row("Tickets", "Revisits: Customer reached"));
        Assert.Equal(["1"], content.Row("Tickets", "Revisits: Problems found"));
        Assert.Equal(
            ["May 2026", "June 2026", "July 2026", "August 2026", "September 2026", "October 2026"],
            content.Table("Six months").Rows.Select(r => r.Label));
        Assert.Equal(["3", "3", "1"], content.Row("Six months", "October 2026"));
        Assert.Equal(["0", "0", "0"], content.Row("Six months", "September 2026"));
        Assert.Equal(["3"], content.Row("Team metro", "Opened"));
        Assert.Equal(["0"], content.Row("Team quiet", "Opened"));
        Assert.Equal(["67%"], content.Row("Policy P3", "First response met"));
        Assert.Equal(
            // Latest first; T-1 and T-2 opened at the same minute.
            ["#T-1 · repair · Signalling server down", "#T-2 · repair · Signalling server down", "#T-3 · repair · Signalling server down"],
            content.Table("Ten latest tickets").Lines);
        Assert.Equal(["3.5", "2 ratings"], content.Row("Ratings by category", "repair"));
    }

    [Fact]
    public async Task The_report_is_written_in_chinese_by_default()
    {
        var week = new ScriptedWeek("zh-CN");

        var run = await week.Monthly().RunAsync(At("2026-11-01 09:00"), CancellationToken.None);

        var content = Assert.Single(run.Deliveries).Content;
        Assert.Equal("月度服务报告 · 2026年10月", content.Subject);
        Assert.Equal(["3", "3", "1"], content.Row("近六个月趋势", "2026年10月"));
    }

    [Fact]
    public async Task A_calendar_whose_holidays_run_out_within_the_notice_period_is_named_first_with_its_last_year_and_the_day_it_runs_out()
    {
        var week = new ScriptedWeek();

        // 1 November: the Business calendar (holidays of 2026) runs out in 61 days, past the 60-day notice: no section.
        var november = Assert.Single((await week.Monthly().RunAsync(At("2026-11-01 09:00"), CancellationToken.None)).Deliveries).Content;
        var december = Assert.Single((await week.Monthly().RunAsync(At("2026-12-01 09:00"), CancellationToken.None)).Deliveries).Content;

        Assert.DoesNotContain(november.Tables, t => t.Title == "Calendars running out");
        var calendars = december.Tables[0];
        Assert.Equal("Calendars running out", calendars.Title);
        Assert.Equal(
            ["Calendar Business: its holidays end with 2026; from 1 Jan 2027 public holidays would count as working days. Add 2027's holidays before then."],
            calendars.Lines);
        Assert.Contains("Calendar Business: its holidays end with 2026", ReportPlainText.Write(december), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calendar_that_has_run_out_is_said_so_in_chinese()
    {
        var week = new ScriptedWeek("zh-CN");

        var run = await week.Monthly().RunAsync(At("2027-01-01 09:00"), CancellationToken.None);

        Assert.Equal(
            ["日历 Business 的节假日只到 2026 年；自 2027年1月1日 起法定节假日被当作工作日。请补充 2027 年的节假日。"],
            Assert.Single(run.Deliveries).Content.Table("即将到期的日历").Lines);
    }

    [Fact]
    public async Task A_month_without_ratings_says_so_under_the_ratings_by_category()
    {
        var week = new ScriptedWeek();

        // The scripted ratings are in October: November's report has none.
        var november = Assert.Single((await week.Monthly().RunAsync(At("2026-12-01 09:00"), CancellationToken.None)).Deliveries).Content;
        var october = Assert.Single((await week.Monthly().RunAsync(At("2026-11-01 09:00"), CancellationToken.None)).Deliveries).Content;

        Assert.Equal(["No rating this month."], november.Table("Ratings by category").Lines);
        Assert.Empty(october.Table("Ratings by category").Lines);
    }
}
