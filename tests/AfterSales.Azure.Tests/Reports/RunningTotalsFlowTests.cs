using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Notifications;
using AfterSales.Core.Reports;
using AfterSales.Core.Sla;
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
            tallies: new TicketTallies(reports.Tallies, settings.Zone));

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

        var rebuilt = await new TallyRebuild(reports.Tallies, service.Engine, service.Settings, settings).RunAsync(
            Tables.Tickets.AllHistoriesAsync(CancellationToken.None), Tables.Outbox.ListByStatusAsync(OutboxStatus.Sent, CancellationToken.None),
            At("2026-10-12 11:00"), CancellationToken.None);

        Assert.Equal(2, rebuilt.Tickets);
        Assert.Equal(2, rebuilt.StepsSent);
        Assert.Equal(before, await TotalsAsync("2026-10-12", "2026-10-13"));
        Assert.Equal(2, before[TallyCounters.Opened]);
        Assert.Equal(2, before[TallyCounters.FirstResponseMissed]);
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
