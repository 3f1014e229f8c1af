using AfterSales.Core.Reports;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Reports;

public sealed class WeeklyDigestTests
{
    private static ReportContent Overall(ReportRun run) => Assert.Single(run.Deliveries, d => d.To == "manager@example.com").Content;

    [Fact]
    public async Task The_managers_digest_shows_each_figure_of_the_scripted_week_beside_last_weeks()
    {
        var week = new ScriptedWeek();

        var run = await week.Digest().RunAsync(At("2026-10-16 16:00"), CancellationToken.None);

        var digest = Overall(run);
        Assert.Equal("digest-2026-10-16", run.Period);
        Assert.Equal("The week of all teams", digest.Title);
        Assert.Equal("2 tickets opened, 2 resolved, 1 promises broken (last week 0).", digest.Summary);
        Assert.Equal(["2", "1"], digest.Row("Tickets", "Opened"));
        Assert.Equal(["2", "1"], digest.Row("Tickets", "Resolved"));
        Assert.Equal(["50%", "100%"], digest.Row("Tickets", "First response met"));
        Assert.Equal(["100%", "100%"], digest.Row("Tickets", "Resolution met"));
        Assert.Equal(["1", "0"], digest.Row("Tickets", "Breaches"));
        Assert.Equal(["1", "0"], digest.Row("Tickets", "Escalated: supervisor"));
        Assert.Equal(["1", "1"], digest.Row("Tickets", "Escalated: warning"));
        Assert.Equal(["1", "0"], digest.Row("Tickets", "Customers flagged (three strikes)"));
        Assert.Equal(["1", "0"], digest.Row("Tickets", "Major incidents"));
        Assert.DoesNotContain(digest.Table("Tickets").Rows, r => r.Label.Contains("three-strikes", StringComparison.Ordinal) || r.Label.Contains("major", StringComparison.Ordinal) && r.Label.StartsWith("Escalated", StringComparison.Ordinal));
        Assert.Equal(["3.5", "–"], digest.Row("Customer feedback", "Average rating"));
        Assert.Equal(["1", "0"], digest.Row("Customer feedback", "Ratings of 1–2"));
        Assert.Equal(["#T-2 · 2 · Signalling server down"], digest.Table("Customer feedback").Lines);
        Assert.Equal(["2", "0"], digest.Row("Revisits", "Due"));
        Assert.Equal(["2", "0"], digest.Row("Revisits", "Done"));
        Assert.Equal(["1", "0"], digest.Row("Revisits", "Customer reached"));
        Assert.Equal(["1", "0"], digest.Row("Revisits", "Problems found"));
    }

    [Fact]
    public async Task Each_team_gets_its_own_week_and_a_team_with_no_tickets_gets_zeros_not_nothing()
    {
        var week = new ScriptedWeek();

        var run = await week.Digest().RunAsync(At("2026-10-16 16:00"), CancellationToken.None);

        Assert.Equal(
            ["manager@example.com", "metro.supervisor@example.com", "quiet.supervisor@example.com", "supervisor@example.com"],
            run.Deliveries.Select(d => d.To).Order(StringComparer.Ordinal));
        var metro = Assert.Single(run.Deliveries, d => d.Audience == "team-metro").Content;
        Assert.Equal(["2", "1"], metro.Row("Tickets", "Opened"));
        Assert.Equal(["0", "0"], metro.Row("Revisits", "Due"));
        var quiet = Assert.Single(run.Deliveries, d => d.Audience == "team-quiet").Content;
        Assert.Equal("The week of team quiet", quiet.Title);
        Assert.Equal(["0", "0"], quiet.Row("Tickets", "Opened"));
        Assert.Equal(["–", "–"], quiet.Row("Tickets", "First response met"));
        Assert.Equal(["No rating of 1–2."], quiet.Table("Customer feedback").Lines);
        var revisitTeam = Assert.Single(run.Deliveries, d => d.Audience == "team-Default").Content;
        Assert.Equal(["2", "0"], revisitTeam.Row("Revisits", "Due"));
    }

    [Fact]
    public async Task Every_event_and_step_offered_twice_leaves_the_totals_and_the_digest_unchanged()
    {
        var once = new ScriptedWeek();
        var twice = new ScriptedWeek(twice: true);

        var first = Overall(await once.Digest().RunAsync(At("2026-10-16 16:00"), CancellationToken.None));
        var second = Overall(await twice.Digest().RunAsync(At("2026-10-16 16:00"), CancellationToken.None));

        Assert.Equal(once.Counted, twice.Counted);
        Assert.Equal(twice.Offered, 2 * once.Offered);
        Assert.Equal(
            first.Tables.SelectMany(t => t.Rows.Select(r => $"{t.Title}/{r.Label}={string.Join('|', r.Values)}")),
            second.Tables.SelectMany(t => t.Rows.Select(r => $"{t.Title}/{r.Label}={string.Join('|', r.Values)}")));
    }

    [Fact]
    public async Task The_digest_goes_from_friday_16_00_in_the_business_zone_once_and_not_a_stale_one_after_a_day()
    {
        var week = new ScriptedWeek();
        var digest = week.Digest();

        var early = await digest.RunAsync(At("2026-10-16 15:59"), CancellationToken.None);
        var due = await digest.RunAsync(At("2026-10-16 16:00"), CancellationToken.None);
        var again = await digest.RunAsync(At("2026-10-16 16:05"), CancellationToken.None);
        var nextWeekLate = await digest.RunAsync(At("2026-10-24 16:01"), CancellationToken.None);

        Assert.True(early.Idle);
        Assert.Equal(4, due.Sent);
        Assert.True(again.Idle);
        Assert.True(nextWeekLate.Idle);
        Assert.Equal(4, week.Email.Sent.Count);
        Assert.All(week.Email.Sent, m => Assert.StartsWith("digest-2026-10-16-", m.StepKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_send_is_tried_again_by_the_next_runs_up_to_three_times_and_a_sent_one_never()
    {
        var week = new ScriptedWeek();
        var digest = week.Digest();
        week.Email.Failing = true;

        var failed = await digest.RunAsync(At("2026-10-16 16:00"), CancellationToken.None);
        week.Email.Failing = false;
        var retried = await digest.RunAsync(At("2026-10-16 16:05"), CancellationToken.None);
        var after = await digest.RunAsync(At("2026-10-16 16:10"), CancellationToken.None);

        Assert.Equal(0, failed.Sent);
        Assert.Equal(4, retried.Sent);
        Assert.True(after.Idle);
        Assert.Equal(4, week.Email.Sent.Count);
    }

    [Fact]
    public async Task The_digest_is_written_in_chinese_by_default()
    {
        var week = new ScriptedWeek("zh-CN");

        var digest = Overall(await week.Digest().RunAsync(At("2026-10-16 16:00"), CancellationToken.None));

        Assert.Equal("全部团队本周情况", digest.Title);
        Assert.Equal("本周新建工单 2 张，解决 2 张，超时 1 次（上周 0 次）。", digest.Summary);
        Assert.Equal(["50%", "100%"], digest.Row("工单", "首次响应达标率"));
        Assert.Equal(["1", "0"], digest.Row("工单", "三次来电客户（已提醒经理）"));
        Assert.Equal("全部团队本周情况 · 10月10日–2026年10月16日", digest.Subject);
    }

    [Fact]
    public async Task The_email_has_html_with_table_cell_bars_and_the_same_figures_in_plain_text()
    {
        var week = new ScriptedWeek();

        await week.Digest().RunAsync(At("2026-10-16 16:00"), CancellationToken.None);

        var message = Assert.Single(week.Email.Sent, m => m.To == "manager@example.com");
        // Opened 2 this week and 1 last week: a full bar and a half one, drawn as table cells.
        Assert.Contains("<td width=\"100%\" height=\"8\" style=\"background:#2563eb;", message.Html, StringComparison.Ordinal);
        Assert.Contains("<td width=\"50%\" height=\"8\" style=\"background:#93c5fd;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#T-2 · 2 · Signalling server down", message.Text, StringComparison.Ordinal);
        Assert.Matches(@"First response met\s+50%\s+100%", message.Text);
        Assert.Equal("", message.TicketId);
    }
}
