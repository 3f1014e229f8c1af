using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Notifications;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Reports;

/// <summary>
/// Ingest → sweep → outbox → dispatch over Azurite with the running totals on: the sweep counts each ticket's facts
/// once, the dispatcher each step sent once, however often events, sweeps and queue messages come; a step of any kind
/// (a three-strikes flag scripted as part B produces it) is counted by the same path; the digest reads the totals.
/// </summary>
public sealed class RunningTotalsFlowTests : StorageTest
{
    private ReportTables reports = null!;

    private async Task<(ServiceUnderTest Service, NotificationDispatch Dispatch, ReportSettings Reports)> StartAsync(string at)
    {
        reports = ReportTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await reports.CreateIfNotExistsAsync(CancellationToken.None);
        var service = new ServiceUnderTest(Tables, at);
        var settings = ReportSettingsLoader.LoadWithDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var sender = new PickupEmailSender(Path.Combine(Path.GetTempPath(), Prefix), "aftersales@example.com", "AfterSales", service.Clock);
        var dispatch = new NotificationDispatch(Tables.Tickets, Tables.Outbox, new EscalationEmailRenderer(service.Settings, service.Engine), sender,
            service.Settings.Email, service.Clock, tallies: new StepTallies(reports.Tallies, Tables.Tickets, service.Settings, settings));
        return (service, dispatch, settings);
    }

    private DueSweep Sweep(ServiceUnderTest service, ReportSettings settings) =>
        new(service.Engine, Tables.Tickets, Tables.DueIndex, Tables.Outbox, service.Queue, Tables.SweepLease, service.Clock,
            tallies: new TicketTallies(reports.Tallies, settings.Zone, reports.OpenTickets));

    private async Task SweepAtAsync(ServiceUnderTest service, ReportSettings settings, string at)
    {
        service.SetTime(at);
        await Sweep(service, settings).SweepAsync(CancellationToken.None);
    }

    private static async Task DispatchQueuedAsync(ServiceUnderTest service, NotificationDispatch dispatch, int times = 1)
    {
        var messages = new List<NotificationMessage>();
        while (service.Queue.TryDequeue(out var message)) messages.Add(message!);
        for (var i = 0; i < times; i++)
        {
            foreach (var message in messages) await dispatch.DispatchAsync(message, CancellationToken.None);
        }
    }

    private async Task<Dictionary<string, long>> TotalsAsync(string from, string until)
    {
        var rows = await reports.Tallies.ReadAsync(LocalDate.FromDateTime(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture)),
            LocalDate.FromDateTime(DateTime.Parse(until, System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        return rows.SelectMany(r => r.Counts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
    }

    [Fact]
    public async Task Every_event_ingested_twice_every_sweep_run_twice_and_every_message_dispatched_twice_counts_once()
    {
        var (service, dispatch, settings) = await StartAsync("2026-10-12 09:00");
        var script = new TicketScript("T-1").Opened("2026-10-12 09:00").Resolved("2026-10-12 11:00");
        var events = script.Events;

        await service.IngestAsync(events[0]);
        await service.IngestAsync(events[0]);
        await SweepAtAsync(service, settings, "2026-10-12 09:00");
        await SweepAtAsync(service, settings, "2026-10-12 09:40");
        await SweepAtAsync(service, settings, "2026-10-12 09:40");
        await DispatchQueuedAsync(service, dispatch, times: 2);
        service.SetTime("2026-10-12 11:00");
        await service.IngestAsync(events[1]);
        await service.IngestAsync(events[1]);
        await SweepAtAsync(service, settings, "2026-10-12 11:00");
        await SweepAtAsync(service, settings, "2026-10-12 11:01");

        var totals = await TotalsAsync("2026-10-12", "2026-10-13");
        Assert.Equal(1, totals[TallyCounters.Opened]);
        Assert.Equal(1, totals[TallyCounters.Resolved]);
        // No reply in the 30 minutes of P3: missed (the breach went to the metro supervisor, the warning to the owner).
        Assert.Equal(1, totals[TallyCounters.FirstResponseMissed]);
        Assert.Equal(1, totals[TallyCounters.ResolutionMet]);
        Assert.Equal(1, totals[TallyCounters.Sent("first-response", "supervisor")]);
        Assert.Equal(1, totals[TallyCounters.Breach("first-response")]);
        Assert.False(totals.ContainsKey(TallyCounters.Sent("first-response", "warning")));
        var ticket = await service.TicketAsync("T-1");
        Assert.Contains("T-1/tally/opened/1", ticket!.Ticket.History.ProducedSteps);
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_three_strikes_step_put_in_the_outbox_like_any_step_is_counted_once_and_shows_in_the_digest()
    {
        var (service, dispatch, settings) = await StartAsync("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-7").Opened("2026-10-12 09:00", "P3", team: "metro"));
        var now = At("2026-10-13 10:00");
        service.SetTime("2026-10-13 10:00");
        var listing = AfterSales.Core.ThreeStrikes.StrikeListing.Write("张伟", NodaTime.Duration.FromDays(90),
            [new AfterSales.Core.ThreeStrikes.CustomerTicket("T-7", now, AfterSales.Core.Events.TicketCategory.Repair, "metro", "Signalling server down")]);
        var step = new EscalationStep(EscalationStep.KeyFor("T-7", "three-strikes", "three-strikes", 1), "T-7", 1, "three-strikes", LadderTrigger.Opened, null,
            "three-strikes", EscalationRoles.Manager, "manager@example.com", now, now, null, listing);
        await Tables.Outbox.AddAsync([step], now, CancellationToken.None);
        await service.Queue.EnqueueAsync(NotificationMessage.For(step, now), CancellationToken.None);
        await service.Queue.EnqueueAsync(NotificationMessage.For(step, now), CancellationToken.None);

        await DispatchQueuedAsync(service, dispatch);

        var totals = await TotalsAsync("2026-10-13", "2026-10-14");
        Assert.Equal(1, totals[TallyCounters.Sent("three-strikes", "three-strikes")]);
        var email = new CapturingSender();
        var run = await new WeeklyDigest(reports.Tallies, reports.Log, email, service.Settings, settings).RunAsync(At("2026-10-16 16:00"), CancellationToken.None);
        var managers = Assert.Single(run.Deliveries, d => d.To == "manager@example.com").Content;
        var flagged = Assert.Single(managers.Tables[0].Rows, r => r.Label == "三次来电客户（已提醒经理）");
        Assert.Equal(["1", "0"], flagged.Values);
        var again = await new WeeklyDigest(reports.Tallies, reports.Log, email, service.Settings, settings).RunAsync(At("2026-10-16 16:05"), CancellationToken.None);
        Assert.True(again.Idle);
        Assert.Equal(run.Deliveries.Count, email.Sent.Count);
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rebuild_forgets_the_totals_and_counts_them_again_from_the_stored_tickets_and_the_sent_steps()
    {
        var (service, dispatch, settings) = await StartAsync("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-1").Opened("2026-10-12 09:00").Resolved("2026-10-12 11:00"));
        await service.IngestAllAsync(new TicketScript("T-2").Opened("2026-10-12 09:10", team: "retail"));
        await SweepAtAsync(service, settings, "2026-10-12 09:00");
        await SweepAtAsync(service, settings, "2026-10-12 09:45");
        await DispatchQueuedAsync(service, dispatch);
        await SweepAtAsync(service, settings, "2026-10-12 11:00");
        var before = await TotalsAsync("2026-10-12", "2026-10-13");
        await reports.Tallies.AddAsync(new TallyItem("stray", "metro", new LocalDate(2026, 10, 12), new Dictionary<string, long> { [TallyCounters.Opened] = 5 }),
            CancellationToken.None);

        await reports.OpenTickets.OpenAsync(new OpenTicket("STRAY", "metro", At("2026-10-01 09:00"), 1), CancellationToken.None);

        var rebuilt = await new TallyRebuild(reports.Tallies, service.Engine, service.Settings, settings, reports.OpenTickets).RunAsync(
            Tables.Tickets.AllHistoriesAsync(CancellationToken.None), Tables.Outbox.ListByStatusAsync(OutboxStatus.Sent, CancellationToken.None),
            At("2026-10-12 11:00"), CancellationToken.None);

        Assert.Equal(2, rebuilt.Tickets);
        Assert.Equal(2, rebuilt.StepsSent);
        Assert.Equal(before, await TotalsAsync("2026-10-12", "2026-10-13"));
        Assert.Equal(2, before[TallyCounters.Opened]);
        Assert.Equal(2, before[TallyCounters.FirstResponseMissed]);
        Assert.Equal(1, rebuilt.Open);
        Assert.Equal(["T-2"], (await reports.OpenTickets.OldestAsync(null, 10, CancellationToken.None)).Select(t => t.TicketId));
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rebuild_counts_the_ratings_and_the_revisits_again_from_the_surveys_and_the_call_lists()
    {
        var (service, _, settings) = await StartAsync("2026-10-12 09:00");
        var storage = TestStorage.Settings(ConnectionString, Prefix);
        var texts = TextTables.Create(storage);
        var revisits = RevisitTables.Create(storage);
        await Task.WhenAll(texts.CreateIfNotExistsAsync(CancellationToken.None), revisits.CreateIfNotExistsAsync(CancellationToken.None));
        await service.IngestAllAsync(new TicketScript("T-1").Opened("2026-10-12 09:00", team: "retail").Resolved("2026-10-12 11:00"));
        var survey = new SurveySent("T-1/text/survey/1", "T-1", "C-1", "+8613800138000", At("2026-10-12 13:00"));
        await texts.Surveys.RecordSentAsync(survey, CancellationToken.None);
        await texts.Surveys.RecordRatingAsync(survey, 2, At("2026-10-13 10:00"), null, CancellationToken.None);
        var day = new LocalDate(2026, 10, 13);
        foreach (var installation in new[] { "INS-1", "INS-2" })
        {
            await revisits.Calls.TryAddAsync(new RevisitCall(day, installation, 1, "C-1", "张伟", null, null, "zh-CN", null, At("2026-10-13 09:00"), At("2026-10-13 08:00")),
                CancellationToken.None);
        }
        await revisits.Calls.RecordOutcomeAsync(day, "INS-1", RevisitOutcome.ProblemFound, null, At("2026-10-13 15:00"), CancellationToken.None);

        var rebuilt = await new TallyRebuild(reports.Tallies, service.Engine, service.Settings, settings).RunAsync(
            Tables.Tickets.AllHistoriesAsync(CancellationToken.None), Tables.Outbox.ListByStatusAsync(OutboxStatus.Sent, CancellationToken.None),
            At("2026-10-14 09:00"), CancellationToken.None, texts.Surveys.AllRatingsAsync(CancellationToken.None), revisits.Calls.AllCallsAsync(CancellationToken.None));

        Assert.Equal((1, 3), (rebuilt.Ratings, rebuilt.Revisits));
        var figures = ReportFigures.Of(await reports.Tallies.ReadAsync(new LocalDate(2026, 10, 12), new LocalDate(2026, 10, 15), CancellationToken.None));
        Assert.Equal((1, 1, 2.0), (figures.Ratings, figures.LowRatings, figures.AverageRating));
        Assert.Equal(["#T-1 · 2 · Signalling server down"], figures.NotesOf(TallyCounters.LowRatingList).Select(n => $"#{n.TicketId} · {n.Text}"));
        Assert.Equal((2, 1, 1, 0), (figures.RevisitsDue, figures.RevisitsDone, figures.RevisitProblems, figures.RevisitsReached));
        var retail = ReportFigures.Of((await reports.Tallies.ReadAsync(day, day.PlusDays(1), CancellationToken.None)).Where(r => r.Team == "retail"));
        Assert.Equal(1, retail.Ratings);
        await Task.WhenAll(reports.DeleteAllAsync(CancellationToken.None), texts.DeleteAllAsync(CancellationToken.None), revisits.DeleteAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_sweep_lists_open_tickets_oldest_first_per_team_and_overall_and_the_digest_shows_them_as_they_stand()
    {
        var (service, _, settings) = await StartAsync("2026-10-12 09:00");
        await service.IngestAllAsync(new TicketScript("T-1").Opened("2026-10-12 09:00"));
        await service.IngestAllAsync(new TicketScript("T-2").Opened("2026-10-12 09:10", "P2", team: "retail"));
        await service.IngestAllAsync(new TicketScript("T-3").Opened("2026-10-12 09:20").Resolved("2026-10-12 10:00"));
        foreach (var at in new[] { "2026-10-12 09:30", "2026-10-12 09:30", "2026-10-12 11:00", "2026-10-12 11:00" }) await SweepAtAsync(service, settings, at);
        var open = reports.OpenTickets;

        Assert.Equal(["T-1", "T-2"], (await open.OldestAsync(null, 10, CancellationToken.None)).Select(t => t.TicketId));
        Assert.Equal(["T-1"], (await open.OldestAsync(null, 1, CancellationToken.None)).Select(t => t.TicketId));
        Assert.Equal(["T-1"], (await open.OldestAsync("metro", 10, CancellationToken.None)).Select(t => t.TicketId));
        Assert.Equal([new OpenTicket("T-2", "retail", At("2026-10-12 09:10"), 1)], await open.OldestAsync("retail", 10, CancellationToken.None));

        var oldest = new OldestOpenTickets(open, async (id, token) => (await Tables.Tickets.GetAsync(id, token))?.Ticket.History, service.Engine);
        var run = await new WeeklyDigest(reports.Tallies, reports.Log, new CapturingSender(), service.Settings, settings, oldest)
            .RunAsync(At("2026-10-16 16:00"), CancellationToken.None);
        var table = Assert.Single(run.Deliveries, d => d.Audience.StartsWith("managers", StringComparison.Ordinal)).Content.Tables
            .Single(t => t.Title == ReportTexts.For(service.Settings.Email.Locale).OldestOpen);
        Assert.Equal(["#T-1", "#T-2"], table.Rows.Select(r => r.Label));
        Assert.Equal("P2", table.Rows[1].Values[1]);
        await reports.DeleteAllAsync(CancellationToken.None);
    }

    private sealed class CapturingSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult(SendResult.Success(message.StepKey, 1));
        }
    }
}
