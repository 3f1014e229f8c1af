using System.Text.Json;
using AfterSales.Core.Tests.TestSupport;

namespace AfterSales.Core.Tests.Simulation;

public class SimulateCommandTests
{
    private static readonly Lazy<CliRun> Sample = new(() => CliRun.Of("simulate"));

    [Fact]
    public void With_no_arguments_it_prints_the_whole_timeline_of_the_bundled_sample()
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Simulation", "sample-timeline.txt")).ReplaceLineEndings("\n");

        Assert.Equal(0, Sample.Value.ExitCode);
        Assert.Equal(expected, Sample.Value.Output);
    }

    [Fact]
    public void The_sample_shows_the_rejected_lines_and_the_ignored_duplicate()
    {
        Assert.Contains("line 66: InvalidPhone at 'customer.phone'", Sample.Value.Output, StringComparison.Ordinal);
        Assert.Contains("line 67: BadJson at '$'", Sample.Value.Output, StringComparison.Ordinal);
        Assert.Contains("duplicate AgentResponded evt-0063 ignored", Sample.Value.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_holds_a_weekend_escalation_until_monday_morning()
    {
        Assert.Contains(
            "2026-11-09 08:30  T-1011   ESCALATION unresolved [day-7] -> Manager after-sales.manager@example.com (T-1011/ticket/day-7/1)",
            Sample.Value.TimelineLines("T-1011"));
    }

    [Fact]
    public void The_sample_runs_a_ticket_across_the_national_day_holiday()
    {
        Assert.Contains(
            "2026-09-30 17:15  T-1004   first-response deadline 2026-10-08 08:45 (30 min working time, Business calendar)",
            Sample.Value.TimelineLines("T-1004"));
    }

    [Fact]
    public void Until_stops_the_virtual_clock()
    {
        var run = CliRun.Of("simulate", "--until", "2026-10-12T23:59:00+08:00");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.TimelineLines("T-1001"));
        Assert.Empty(run.TimelineLines("T-1002"));
    }

    [Fact]
    public void Json_output_carries_the_timeline_steps_and_the_summary_per_policy()
    {
        var run = CliRun.Of("simulate", "--format", "json");

        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal(2, root.GetProperty("rejected").GetArrayLength());
        Assert.Contains(root.GetProperty("timeline").EnumerateArray(),
            e => e.TryGetProperty("stepKey", out var key) && key.GetString() == "T-1001/ticket/p1-opened/1");
        Assert.Equal(["P1", "P2", "Complaint", "P4", "P3"], root.GetProperty("summary").EnumerateArray().Select(s => s.GetProperty("policy").GetString()));
        Assert.Contains("张伟", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "tickets.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_shows_what_a_policy_change_would_have_done()
    {
        var settings = WriteTemp("settings.json", """
            { "Sla": { "Policies": { "P1": { "FirstResponse": "PT30M" } } },
              "Escalation": { "Teams": { "Default": { "Owner": "desk@example.com", "Supervisor": "s@example.com", "DepartmentHead": "h@example.com",
                "Manager": "m@example.com", "SeniorManager": "sm@example.com", "DutyManager": "d@example.com" } } },
              "Texts": { "SurveySigningKey": "test-signing-key-0123456789abcdef-0123456789", "SurveyLinkBase": "https://cs.example.cn/s/" } }
            """);

        var run = CliRun.Of("simulate", "--settings", settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-10-13 02:35  T-1002   first-response met, 5 min to spare", run.TimelineLines("T-1002"));
        Assert.DoesNotContain(run.TimelineLines("T-1002"), l => l.Contains("BREACH first-response", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_runs_the_same_events_under_the_proposed_change_and_lists_what_would_differ()
    {
        var run = CliRun.Of("simulate", "--compare", Path.Combine(AppContext.BaseDirectory, "samples", "what-if.json"));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n').Select(l => l.Trim()).ToList();
        // P3 first response 30 -> 20 min: T-1004's reply after 25 working minutes now misses; a 60% warning adds warnings.
        Assert.Contains(lines, l => l.StartsWith("* first response met", StringComparison.Ordinal) && l.EndsWith("88% -> 75%", StringComparison.Ordinal));
        Assert.Contains("T-1004   first-response: met -> missed; + supervisor on first-response", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("T-1001 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_lines_up_a_policys_figures_past_its_longest_level_name()
    {
        var run = CliRun.Of("simulate", "--compare", Path.Combine(AppContext.BaseDirectory, "samples", "what-if.json"));

        var p1 = run.Output.Split('\n').SkipWhile(l => !l.StartsWith("  P1 (", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.StartsWith("  * ", StringComparison.Ordinal)).ToList();
        Assert.Contains(p1, l => l.Contains("escalations: major-incident-department-head", StringComparison.Ordinal));
        // Every row's arrow in one column, also the row whose label is longer than the usual width.
        Assert.Single(p1.Select(l => l.IndexOf(" -> ", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void Compare_in_json_gives_both_summaries_per_policy_and_the_changed_tickets()
    {
        var run = CliRun.Of("simulate", "--format", "json", "--compare", Path.Combine(AppContext.BaseDirectory, "samples", "what-if.json"));

        using var report = JsonDocument.Parse(run.Output);
        var p3 = report.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("policy").GetString() == "P3");
        Assert.Equal(7, p3.GetProperty("current").GetProperty("tickets").GetInt32());
        Assert.True(p3.GetProperty("proposed").GetProperty("firstResponseMet").GetDouble() < p3.GetProperty("current").GetProperty("firstResponseMet").GetDouble());
        Assert.Contains(report.RootElement.GetProperty("changedTickets").EnumerateArray(), t => t.GetProperty("ticketId").GetString() == "T-1004");
    }

    [Fact]
    public void Compare_with_a_missing_file_says_so()
    {
        var run = CliRun.Of("simulate", "--compare", "no-such-what-if.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--compare settings file not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_stop_the_run_and_name_every_bad_key()
    {
        var settings = WriteTemp("bad.json", """{ "Sla": { "WarningAt": "150%", "Policies": { "P1": { "FirstResponse": "10 minutes" } } } }""");

        var run = CliRun.Of("simulate", "--settings", settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sla__Policies__P1__FirstResponse", run.Error, StringComparison.Ordinal);
        Assert.Contains("Sla__WarningAt", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void The_sample_shows_each_text_at_the_instant_it_would_be_sent_with_its_content()
    {
        var t1002 = Sample.Value.TimelineLines("T-1002");

        // Opened at 02:10 and resolved at 05:40, inside quiet hours: the survey waits for 08:00, and the
        // acknowledgement, overtaken by the resolution, is not sent at all.
        Assert.DoesNotContain(t1002, l => l.Contains("TEXT acknowledgement", StringComparison.Ordinal));
        Assert.Contains(t1002, l => l.StartsWith(
            "2026-10-13 08:00  T-1002   TEXT survey -> +86*********78 (T-1002/text/survey/1, 2 segments, due 2026-10-13 07:40, deferred by quiet hours): \"您的问题已解决",
            StringComparison.Ordinal));
        Assert.Contains(Sample.Value.TimelineLines("T-1001"), l => l.StartsWith(
            "2026-10-12 14:30  T-1001   TEXT survey -> +86*********00 (T-1001/text/survey/1, 2 segments): \"您的问题已解决，请回复1-5评分（5为非常满意）或打开https://cs.example.com/s/T-1001.1.",
            StringComparison.Ordinal));
        Assert.DoesNotContain("13912345678", Sample.Value.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_shows_a_second_survey_held_by_the_budget()
    {
        Assert.Contains(
            "2026-11-06 17:00  T-1009   TEXT HELD survey -> +86*********00 (T-1009/text/survey/2, 2 segments): held by budget: this customer was surveyed on 2026-11-03, at most one survey per 30 days; not sent (its occasion has passed)",
            Sample.Value.TimelineLines("T-1009"));
    }

    [Fact]
    public void Json_output_carries_every_text_with_its_masked_number_and_content()
    {
        var run = CliRun.Of("simulate", "--format", "json");

        using var report = JsonDocument.Parse(run.Output);
        var survey = Assert.Single(report.RootElement.GetProperty("timeline").EnumerateArray(),
            e => e.TryGetProperty("textKey", out var key) && key.GetString() == "T-1002/text/survey/1");
        Assert.Equal("Text", survey.GetProperty("kind").GetString());
        Assert.Equal("survey", survey.GetProperty("textKind").GetString());
        Assert.Equal("2026-10-13T08:00:00+08:00", survey.GetProperty("at").GetString());
        Assert.Equal("2026-10-13T07:40:00+08:00", survey.GetProperty("dueAt").GetString());
        Assert.Equal("+86*********78", survey.GetProperty("phone").GetString());
        Assert.Equal(2, survey.GetProperty("segments").GetInt32());
        Assert.StartsWith("您的问题已解决", survey.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_settings_without_a_survey_signing_key_stop_the_run_and_name_the_key()
    {
        var settings = WriteTemp("no-texts.json", """
            { "Escalation": { "Teams": { "Default": { "Owner": "desk@example.com", "Supervisor": "s@example.com", "DepartmentHead": "h@example.com",
                "Manager": "m@example.com", "SeniorManager": "sm@example.com", "DutyManager": "d@example.com" } } } }
            """);

        var run = CliRun.Of("simulate", "--settings", settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Texts__SurveySigningKey", run.Error, StringComparison.Ordinal);
        Assert.Contains("Texts__SurveyLinkBase", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_missing_events_file_is_a_clear_error()
    {
        var run = CliRun.Of("simulate", "--events", "/nonexistent/tickets.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("events file not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_until_time_is_a_clear_error()
    {
        var run = CliRun.Of("simulate", "--until", "2026-10-12 23:59");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--until", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_weekly_digests_and_monthly_reports_of_the_sample_as_digest_and_report_eml_files()
    {
        var directory = Directory.CreateTempSubdirectory("aftersales-digests-").FullName;

        var run = CliRun.Of("simulate", "--out", directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-10-16 16:00           weekly digest to after-sales.manager@example.com: 本周新建工单 3 张，解决 3 张，超时 6 次（上周 0 次）。", run.Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-01 09:00           monthly report to after-sales.manager@example.com: 2026年10月：新建工单 8 张，解决 7 张，超时 8 次。", run.Output, StringComparison.Ordinal);
        var digest = File.ReadAllText(Path.Combine(directory, "digest-2026-10-16-managers-after-sales_manager_example_com.eml"));
        Assert.Contains("To: <after-sales.manager@example.com>", digest, StringComparison.Ordinal);
        Assert.Contains("X-AfterSales-Step: digest-2026-10-16-managers-after-sales_manager_example_com", digest, StringComparison.Ordinal);
        Assert.Contains("全部团队本周情况", Body(digest, "text/html"), StringComparison.Ordinal);
        Assert.Contains("首次响应达标率", Body(digest, "text/plain"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "digest-2026-10-16-team-metro.eml")));
        Assert.Contains("近六个月趋势", Body(File.ReadAllText(Path.Combine(directory, "report-2026-10-managers-after-sales_manager_example_com.eml")), "text/plain"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_one_eml_per_escalation_and_leaves_the_printed_timeline_as_it_was()
    {
        var directory = Directory.CreateTempSubdirectory("aftersales-out-").FullName;

        var run = CliRun.Of("simulate", "--out", directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of("simulate").Output, run.Output);
        var reports = Directory.GetFiles(directory, "digest-*.eml").Concat(Directory.GetFiles(directory, "report-*.eml")).ToList();
        var files = Directory.GetFiles(directory, "*.eml").Except(reports).ToList();
        var steps = run.Output.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal) && l.Contains('[', StringComparison.Ordinal));
        var reportLines = run.Output.Split('\n').Count(l => l.Contains("weekly digest to ", StringComparison.Ordinal) || l.Contains("monthly report to ", StringComparison.Ordinal));
        Assert.Equal(steps, files.Count);
        Assert.Equal(reportLines, reports.Count);
        Assert.Contains($"wrote {steps + reportLines} emails ({reportLines} digests and reports) to {directory}", run.Error, StringComparison.Ordinal);

        var eml = File.ReadAllText(Directory.GetFiles(directory, "T-1001_*supervisor_1.eml").First());
        Assert.Contains("To: <metro.supervisor@example.com>", eml, StringComparison.Ordinal);
        Assert.Contains("X-AfterSales-Ticket: T-1001", eml, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/alternative", eml, StringComparison.Ordinal);
        var html = Body(eml, "text/html");
        Assert.Contains("https://helpdesk.example.com/tickets/T-1001", html, StringComparison.Ordinal);
        Assert.Contains("#T-1001 进展更新已超时", Body(eml, "text/plain"), StringComparison.Ordinal);

        var sentTexts = run.Output.Split('\n').Count(l => l.Contains(" TEXT ", StringComparison.Ordinal) && !l.Contains("TEXT HELD", StringComparison.Ordinal) && !l.Contains("TEXT NOT SENT", StringComparison.Ordinal));
        Assert.Equal(sentTexts, Directory.GetFiles(directory, "*.txt").Length);
        Assert.Contains($"wrote {sentTexts} texts to {directory}", run.Error, StringComparison.Ordinal);
        var survey = File.ReadAllText(Path.Combine(directory, "T-1002_text_survey_1.txt"));
        Assert.Contains("To: +86*********78\n", survey, StringComparison.Ordinal);
        Assert.Contains("Sent-At: 2026-10-13T08:00:00+08:00\n", survey, StringComparison.Ordinal);
        Assert.Contains("\n\n您的问题已解决", survey, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "T-1009_text_survey_2.txt")));
    }

    private static string Body(string eml, string type)
    {
        var start = eml.IndexOf($"Content-Type: {type}; charset=utf-8", StringComparison.Ordinal);
        var body = eml[(eml.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4)..];
        var base64 = body[..body.IndexOf("--=_aftersales_part", StringComparison.Ordinal)].Replace("\r\n", "", StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }

    private static string WriteTemp(string name, string content)
    {
        var directory = Directory.CreateTempSubdirectory("aftersales-tests-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
