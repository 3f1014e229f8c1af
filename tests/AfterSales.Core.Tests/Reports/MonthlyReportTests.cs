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
}
