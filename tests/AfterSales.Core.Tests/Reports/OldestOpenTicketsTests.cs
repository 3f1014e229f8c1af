using AfterSales.Core.Reports;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Tickets;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Reports;

public sealed class OldestOpenTicketsTests
{
    private const string DigestAt = "2026-10-16 16:00";

    [Fact]
    public async Task The_digest_lists_the_oldest_open_tickets_per_team_and_overall_as_the_sweep_counted_them()
    {
        var week = new ScriptedWeek();
        var index = new InMemoryOpenTickets();
        var tickets = new Dictionary<string, TicketHistory>(StringComparer.Ordinal);
        await SweepAsync(week, index, tickets, [
            new TicketScript("O-1").Opened("2026-10-05 10:00", "P2").Responded("2026-10-05 10:05"),
            new TicketScript("O-2").Opened("2026-10-14 09:00", team: "quiet"),
            new TicketScript("O-3").Opened("2026-10-12 11:00").Resolved("2026-10-13 11:00"),
            new TicketScript("O-4").Opened("2026-10-01 09:00").Resolved("2026-10-02 09:00").Reopened("2026-10-15 09:00"),
        ]);

        var run = await week.Digest(new OldestOpenTickets(index, Read(tickets), new SlaEngine(week.Settings))).RunAsync(At(DigestAt), CancellationToken.None);

        var overall = Assert.Single(run.Deliveries, d => d.To == "manager@example.com").Content.Table("Oldest open tickets");
        Assert.Equal(["open for", "priority", "owner · escalated to"], overall.Columns);
        Assert.Equal(["#O-1", "#O-2", "#O-4 (reopened)"], overall.Rows.Select(r => r.Label));
        // O-1: opened 11 d 6 h before the digest, P2, answered in time but unresolved past day 7: the manager was told.
        Assert.Equal(["11 d 6 h", "P2", "Li Wei · day-7"], overall.Rows[0].Values);
        // O-4 reopened at 09:00 the day before and nobody answered: its first-response breach went to the supervisor.
        Assert.Equal(["1 d 7 h", "P3", "Li Wei · supervisor"], overall.Rows[2].Values);
        var metro = Assert.Single(run.Deliveries, d => d.To == "metro.supervisor@example.com").Content.Table("Oldest open tickets");
        Assert.Equal(["#O-1", "#O-4 (reopened)"], metro.Rows.Select(r => r.Label));
        var quiet = Assert.Single(run.Deliveries, d => d.To == "quiet.supervisor@example.com").Content.Table("Oldest open tickets");
        Assert.Equal(["#O-2"], quiet.Rows.Select(r => r.Label));
    }

    [Fact]
    public async Task Counting_every_fact_twice_lists_each_open_ticket_once_and_a_resolution_unlists_it()
    {
        var week = new ScriptedWeek();
        var index = new InMemoryOpenTickets();
        var tallies = new TicketTallies(week.Tallies, week.Reports.Zone, index);
        var engine = new SlaEngine(week.Settings);
        var script = new TicketScript("O-1").Opened("2026-10-12 09:00");
        for (var i = 0; i < 2; i++) await tallies.CountAsync(script.History, engine.Assess(script.History, At("2026-10-12 09:01")), At("2026-10-12 09:01"), CancellationToken.None);

        Assert.Equal([new OpenTicket("O-1", "metro", At("2026-10-12 09:00"), 1)], await index.OldestAsync(null, 10, CancellationToken.None));

        script.Resolved("2026-10-12 12:00");
        // A sweep that crashed before saving offers the opening again beside the resolution: the ticket ends unlisted.
        await tallies.CountAsync(script.History, engine.Assess(script.History, At("2026-10-12 12:01")), At("2026-10-12 12:01"), CancellationToken.None);
        Assert.Empty(await index.OldestAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_entry_whose_ticket_is_no_longer_open_is_unlisted_and_the_next_one_shown()
    {
        var settings = TestSettings.Defaults();
        var index = new InMemoryOpenTickets();
        var resolved = new TicketScript("S-1").Opened("2026-10-01 09:00").Resolved("2026-10-02 09:00").History;
        var open = new TicketScript("S-2").Opened("2026-10-05 09:00").History;
        await index.OpenAsync(new OpenTicket("S-1", "metro", At("2026-10-01 09:00"), 1), CancellationToken.None);
        await index.OpenAsync(new OpenTicket("S-2", "metro", At("2026-10-05 09:00"), 1), CancellationToken.None);
        var tickets = new Dictionary<string, TicketHistory>(StringComparer.Ordinal) { ["S-1"] = resolved, ["S-2"] = open };

        var lines = await new OldestOpenTickets(index, Read(tickets), new SlaEngine(settings)).ListAsync("metro", At(DigestAt), CancellationToken.None);

        Assert.Equal(["S-2"], lines.Select(l => l.TicketId));
        Assert.Equal(["S-2"], (await index.OldestAsync(null, 10, CancellationToken.None)).Select(t => t.TicketId));
    }

    [Fact]
    public async Task A_team_with_no_open_ticket_says_so_in_both_locales()
    {
        foreach (var (locale, title, none) in new[] { ("en", "Oldest open tickets", "No open ticket."), ("zh-CN", "最久未解决的工单", "没有未解决的工单。") })
        {
            var week = new ScriptedWeek(locale);
            var oldest = new OldestOpenTickets(new InMemoryOpenTickets(), Read([]), new SlaEngine(week.Settings));

            var run = await week.Digest(oldest).RunAsync(At(DigestAt), CancellationToken.None);

            var table = Assert.Single(run.Deliveries, d => d.To == "quiet.supervisor@example.com").Content.Table(title);
            Assert.Equal([none], table.Lines);
            Assert.Contains(none, ReportHtml.Write(run.Deliveries[0].Content), StringComparison.Ordinal);
        }
    }

    private static Func<string, CancellationToken, Task<TicketHistory?>> Read(Dictionary<string, TicketHistory> tickets) =>
        (id, _) => Task.FromResult(tickets.GetValueOrDefault(id));

    /// <summary>Sweeps each ticket after each of its events and at the digest, marking what was produced, as the sweep does.</summary>
    private static async Task SweepAsync(ScriptedWeek week, InMemoryOpenTickets index, Dictionary<string, TicketHistory> stored, TicketScript[] scripts)
    {
        var engine = new SlaEngine(week.Settings);
        var tallies = new TicketTallies(week.Tallies, week.Reports.Zone, index);
        foreach (var script in scripts)
        {
            var history = TicketHistory.Empty(script.History.TicketId);
            foreach (var (ticketEvent, i) in script.Events.Select((e, i) => (e, i)))
            {
                history = history.Apply(ticketEvent);
                var until = i + 1 < script.Events.Count ? script.Events[i + 1].OccurredAt : At(DigestAt);
                foreach (var at in new[] { ticketEvent.OccurredAt, until - NodaTime.Duration.FromSeconds(1) })
                {
                    var assessment = engine.Assess(history, at);
                    var counted = await tallies.CountAsync(history, assessment, at, CancellationToken.None);
                    history = history.MarkProduced(assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key).Concat(counted));
                }
            }

            stored[history.TicketId] = history;
        }
    }
}
