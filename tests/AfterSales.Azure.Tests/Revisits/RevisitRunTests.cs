using System.Net;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using Azure.Data.Tables;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Revisits;

public class RevisitRunTests : StorageTest, IAsyncLifetime
{
    private const string Phone = "+8613800138000";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Customer Zhang = new("C-1", "张伟", Phone, "zhang@example.cn", "zh-CN");

    private RevisitTables revisitTables = null!;
    private TextTables textTables = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var storage = TestStorage.Settings(ConnectionString, Prefix);
        revisitTables = RevisitTables.Create(storage);
        textTables = TextTables.Create(storage);
        await Task.WhenAll(revisitTables.CreateIfNotExistsAsync(None), textTables.CreateIfNotExistsAsync(None));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Task.WhenAll(revisitTables.DeleteAllAsync(None), textTables.DeleteAllAsync(None));
        await DisposeAsync();
    }

    private RevisitHarness Start(string at, params (string Key, string? Value)[] overrides) =>
        new(Tables, revisitTables, textTables, at, overrides);

    private static ProductDelivered Delivered(string at, string installation = "SN-1", Customer? customer = null, LocalDate? contractEnd = null, string eventId = "d-1") =>
        new(eventId, At(at), null, customer ?? Zhang, installation, contractEnd);

    [Fact]
    public async Task A_delivery_enrols_its_installation_once_anchored_to_the_local_delivery_date()
    {
        using var run = Start("2026-02-01 02:00");
        // 01:00 on Feb 1 in Shanghai is still Jan 31 in UTC: the customer's date counts.
        var delivered = Delivered("2026-02-01 01:00", contractEnd: new LocalDate(2028, 1, 31));

        Assert.Equal(IngestOutcome.DeliveryRecorded, (await run.IngestAsync(delivered)).Outcome);
        Assert.Equal(IngestOutcome.Duplicate, (await run.IngestAsync(delivered)).Outcome);
        run.Service.SetTime("2026-03-05 10:00");
        Assert.Equal(IngestOutcome.DeliveryRecorded, (await run.IngestAsync(
            new InstallationHandedOver("d-2", At("2026-03-05 10:00"), "T-9", Zhang, "SN-1", null))).Outcome);

        var programme = Assert.Single(await run.Programmes.ActiveAsync(None).ToListAsync());
        Assert.Equal(("SN-1", "C-1", new LocalDate(2026, 2, 1), new LocalDate(2028, 1, 31), "d-1", Phone),
            (programme.InstallationId, programme.CustomerId, programme.DeliveredOn, programme.ContractEndsOn, programme.EnrolledByEventId, programme.Phone));
    }

    [Fact]
    public async Task A_delivery_stored_before_a_crash_still_enrols_when_the_event_comes_again()
    {
        using var run = Start("2026-02-01 02:00");
        var delivered = Delivered("2026-01-15 10:00");
        Assert.True(await Tables.Deliveries.AddAsync(delivered, None)); // the first attempt stopped here

        Assert.Equal(IngestOutcome.Duplicate, (await run.IngestAsync(delivered)).Outcome);

        Assert.Equal("SN-1", Assert.Single(await run.Programmes.ActiveAsync(None).ToListAsync()).InstallationId);
    }

    [Fact]
    public async Task On_a_due_day_from_nine_local_each_revisit_gets_its_text_and_the_team_one_email()
    {
        using var run = Start("2026-01-15 10:00");
        await run.IngestAsync(Delivered("2026-01-15 10:00"));
        await run.IngestAsync(Delivered("2026-01-15 11:00", "INST-7",
            new Customer("C-2", "Alice Smith", "+14155550123", null, "en-GB"), eventId: "d-7"));
        await run.IngestAsync(Delivered("2026-01-20 11:00", "SN-other", eventId: "d-8"));

        var early = await run.RunAtAsync("2026-02-15 08:59");
        Assert.True(early.Idle);
        Assert.Empty(await run.Calls.ForDayAsync(new LocalDate(2026, 2, 15), None));

        var report = await run.RunAtAsync("2026-02-15 09:00");

        Assert.Equal((2, true), (report.Produced, report.CallListSent));
        var calls = (await run.Calls.ForDayAsync(new LocalDate(2026, 2, 15), None)).OrderBy(c => c.InstallationId, StringComparer.Ordinal).ToList();
        Assert.Equal(["INST-7", "SN-1"], calls.Select(c => c.InstallationId));
        Assert.All(calls, c => Assert.Equal(1, c.Number));
        Assert.Equal("Hello Alice Smith, time for the regular check-in on INST-7. We will call you today; reply if anything needs attention.", calls[0].TextBody);
        Assert.Equal("张伟您好，今天是SN-1的定期回访，我们会致电了解使用情况。如有问题请回复。", calls[1].TextBody);
        Assert.Equal(["revisit/INST-7/2026-02-15", "revisit/SN-1/2026-02-15"], calls.Select(c => c.TextKey));
        // 2026-02-15 is in the Spring Festival holiday of the business calendar: the text waits for 08:00 after it.
        Assert.Equal(At("2026-02-24 08:00"), calls[1].TextSendAt);
        var rows = await RawTable("RevisitCalls").QueryAsync<TableEntity>(r => r.PartitionKey == "2026-02-15").ToListAsync();
        Assert.All(rows, r => Assert.Equal(TableRevisitCalls.PendingText, r.GetString("TextStatus")));

        var email = Assert.Single(run.SendGrid.Delivered);
        Assert.Equal((RevisitHarness.TeamAddress, "今日回访 2026-02-15：2 个电话"), (email.To, email.Subject));
        var text = email.Content("text/plain");
        Assert.Contains("张伟 (C-1) | +86*********00 | SN-1 | 第 1 次", text, StringComparison.Ordinal);
        Assert.Contains("Alice Smith (C-2) | +1********23 | INST-7 | 第 1 次", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, email.Body, StringComparison.Ordinal);
        Assert.Equal("revisits/2026-02-15/call-list", email.CustomArg("stepKey"));

        var again = await run.RunAtAsync("2026-02-15 09:05");
        Assert.Equal((true, 0), (again.Idle, again.Produced));
        Assert.Single(run.SendGrid.Requests);
    }

    [Fact]
    public async Task Revisit_days_missed_while_the_app_was_down_are_caught_up_once_by_the_next_run_and_in_its_call_list()
    {
        using var run = Start("2026-01-18 12:00");
        foreach (var (day, installation) in new[] { ("15", "SN-15"), ("16", "SN-16"), ("17", "SN-17"), ("18", "SN-18") })
            await run.IngestAsync(Delivered($"2026-01-{day} 10:00", installation, eventId: $"d-{installation}"));
        Assert.Equal(0, (await run.RunAtAsync("2026-02-14 09:00")).Produced); // the last day the app ran: nothing due

        // Down from 2026-02-15 to 2026-02-17: three revisit days with no run at all.
        var report = await run.RunAtAsync("2026-02-18 09:00");

        Assert.Equal((3, 4, true), (report.MissedDays, report.Produced, report.CallListSent));
        foreach (var (day, installation) in new[] { (15, "SN-15"), (16, "SN-16"), (17, "SN-17"), (18, "SN-18") })
        {
            var call = Assert.Single(await run.Calls.ForDayAsync(new LocalDate(2026, 2, day), None));
            Assert.Equal((installation, 1), (call.InstallationId, call.Number));
            var text = Assert.Single(await run.Outbox.ListForTicketAsync(RevisitKeys.OutboxPartition(installation), None).ToListAsync());
            Assert.Equal($"revisit/{installation}/2026-02-{day}", text.Step.Key);
        }
        var email = Assert.Single(run.SendGrid.Delivered);
        Assert.Equal("今日回访 2026-02-18：4 个电话", email.Subject);
        var list = email.Content("text/plain");
        Assert.Contains("SN-15 | 第 1 次 （应于 2026-02-15，补发）", list, StringComparison.Ordinal);
        Assert.Contains("SN-17 | 第 1 次 （应于 2026-02-17，补发）", list, StringComparison.Ordinal);
        Assert.Contains("SN-18 | 第 1 次" + Environment.NewLine, list, StringComparison.Ordinal);

        var again = await run.RunAtAsync("2026-02-18 09:05");
        var tomorrow = await run.RunAtAsync("2026-02-19 09:00");
        Assert.Equal((true, 0), (again.Idle, again.Produced));
        Assert.Equal((0, 0, false), (tomorrow.MissedDays, tomorrow.Produced, tomorrow.CallListSent));
        Assert.Single(run.SendGrid.Requests);
        foreach (var installation in new[] { "SN-15", "SN-16", "SN-17", "SN-18" })
            Assert.Single(await run.Outbox.ListForTicketAsync(RevisitKeys.OutboxPartition(installation), None).ToListAsync());
    }

    [Fact]
    public async Task The_first_run_of_a_store_catches_no_day_up()
    {
        using var run = Start("2026-01-15 10:00");
        await run.IngestAsync(Delivered("2026-01-15 10:00"));

        var report = await run.RunAtAsync("2026-02-16 09:00");

        Assert.Equal((0, 0), (report.MissedDays, report.Produced));
        Assert.Empty(await run.Calls.ForDayAsync(new LocalDate(2026, 2, 15), None));
    }

    [Fact]
    public async Task After_an_outage_longer_than_the_catch_up_window_the_last_window_of_days_is_caught_up()
    {
        using var run = Start("2026-01-25 12:00");
        await run.IngestAsync(Delivered("2026-01-01 10:00", "SN-old", eventId: "d-old"));
        await run.IngestAsync(Delivered("2026-01-25 10:00", "SN-recent", eventId: "d-recent"));
        await run.RunAtAsync("2026-01-02 09:00");

        var report = await run.RunAtAsync("2026-03-10 09:00");

        Assert.Equal(RevisitRun.MaxCatchUpDays, report.MissedDays);
        Assert.Empty(await run.Calls.ForDayAsync(new LocalDate(2026, 2, 1), None)); // SN-old: before the window
        Assert.Equal("SN-recent", Assert.Single(await run.Calls.ForDayAsync(new LocalDate(2026, 2, 25), None)).InstallationId);
    }

    [Fact]
    public async Task Each_check_in_text_waits_in_the_outbox_for_the_text_dispatcher_once_however_many_runs()
    {
        using var run = Start("2026-03-10 10:00");
        await run.IngestAsync(Delivered("2026-03-10 10:00"));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => run.RunAtAsync("2026-04-10 09:00")));

        var row = Assert.Single(await run.Outbox.ListForTicketAsync(RevisitKeys.OutboxPartition("SN-1"), None).ToListAsync());
        Assert.Equal(("revisit/SN-1/2026-04-10", OutboxStatus.Pending), (row.Step.Key, row.Status));
        var text = Assert.IsType<AfterSales.Core.Texts.CustomerText>(row.Text);
        Assert.Equal((AfterSales.Core.Texts.TextKind.Revisit, false, Phone, At("2026-04-10 09:00")), (text.Kind, text.IsBudgetExempt, text.Phone, text.SendAt));
        Assert.Equal("张伟您好，今天是SN-1的定期回访，我们会致电了解使用情况。如有问题请回复。", text.Text.Body);
    }

    [Fact]
    public async Task Overlapping_runs_produce_each_revisit_once_and_send_one_email()
    {
        using var run = Start("2026-01-15 10:00");
        for (var i = 0; i < 6; i++) await run.IngestAsync(Delivered("2026-01-15 10:00", $"SN-{i}", eventId: $"d-{i}"));

        var reports = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => run.RunAtAsync("2026-02-15 09:10")));

        Assert.Equal(6, reports.Sum(r => r.Produced));
        Assert.Equal(1, reports.Count(r => r.CallListSent));
        Assert.Equal(6, (await run.Calls.ForDayAsync(new LocalDate(2026, 2, 15), None)).Count);
        Assert.Single(run.SendGrid.Requests);
    }

    [Fact]
    public async Task A_failed_call_list_is_recorded_and_sent_by_the_next_run()
    {
        using var run = Start("2026-01-15 10:00");
        await run.IngestAsync(Delivered("2026-01-15 10:00"));
        run.SendGrid.Then(FakeSendGrid.Reply.With(HttpStatusCode.BadRequest, """{"errors":[{"message":"bad things"}]}"""));

        var failed = await run.RunAtAsync("2026-02-15 09:00");

        Assert.False(failed.CallListSent);
        Assert.Contains("bad things", failed.CallListError, StringComparison.Ordinal);
        var state = await run.Calls.CallListAsync(new LocalDate(2026, 2, 15), None);
        Assert.Equal((CallListStatus.Failed, 1), (state!.Status, state.Attempts));

        var retried = await run.RunAtAsync("2026-02-15 09:05");

        Assert.Equal((0, true), (retried.Produced, retried.CallListSent));
        Assert.Single(run.SendGrid.Delivered);
        Assert.Equal((CallListStatus.Sent, 2), ((await run.Calls.CallListAsync(new LocalDate(2026, 2, 15), None))!.Status, 2));
    }

    [Fact]
    public async Task A_customer_who_opted_out_ends_the_programme_and_gets_no_revisit()
    {
        using var run = Start("2026-01-15 10:00");
        await run.IngestAsync(Delivered("2026-01-15 10:00"));
        await run.OptOuts.SetAsync(Phone, true, At("2026-02-01 12:00"), "STOP", None);

        var report = await run.RunAtAsync("2026-02-15 09:00");

        Assert.Equal((0, 1, false), (report.Produced, report.Ended, report.CallListSent));
        Assert.Empty(await run.Programmes.ActiveAsync(None).ToListAsync());
        Assert.Equal(RevisitRun.OptedOut, (await run.Programmes.GetAsync("SN-1", None))!.EndedBecause);
        Assert.Equal(CallListStatus.NoCalls, (await run.Calls.CallListAsync(new LocalDate(2026, 2, 15), None))!.Status);

        // A START later resumes texts, not the ended programme.
        await run.OptOuts.SetAsync(Phone, false, At("2026-03-01 12:00"), "START", None);
        Assert.Equal(0, (await run.RunAtAsync("2026-03-15 09:00")).Produced);
        Assert.Empty(run.SendGrid.Requests);
    }

    [Fact]
    public async Task One_delivery_end_to_end_monthly_then_quarterly_until_the_contract_ends_including_feb_29()
    {
        using var run = Start("2024-01-31 10:00");
        await run.IngestAsync(Delivered("2024-01-31 10:00", contractEnd: new LocalDate(2025, 6, 30)));

        var produced = new List<(LocalDate Date, int Number)>();
        for (var day = new LocalDate(2024, 1, 31); day <= new LocalDate(2025, 8, 31); day = day.PlusDays(1))
        {
            var report = await run.Run.RunAsync(day.At(new LocalTime(9, 3)).InZoneStrictly(Zone).ToInstant(), None);
            if (report.Produced == 0) continue;
            var call = Assert.Single(await run.Calls.ForDayAsync(day, None));
            produced.Add((day, call.Number));
        }

        LocalDate D(int y, int m, int d) => new(y, m, d);
        Assert.Equal(
            [D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30), D(2024, 5, 31), D(2024, 6, 30), D(2024, 7, 31), D(2024, 8, 31),
                D(2024, 9, 30), D(2024, 10, 31), D(2024, 11, 30), D(2024, 12, 31), D(2025, 1, 31), D(2025, 4, 30)],
            produced.Select(p => p.Date));
        Assert.Equal(Enumerable.Range(1, 13), produced.Select(p => p.Number));
        Assert.Equal(13, run.SendGrid.Delivered.Count);
        Assert.Equal(13, run.SendGrid.Delivered.Select(r => r.CustomArg("stepKey")).Distinct().Count());
    }
}
