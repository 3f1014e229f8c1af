using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Reports;

/// <summary>
/// Two weeks of a helpdesk with known figures, counted into the running totals through the same code the sweep, the
/// dispatcher, the rating follow-up and the revisit run use; every item can be offered twice (a redelivery).
/// Last week (Sat 3 – Fri 9 Oct 2026): T-3 opened, answered and resolved in time; one warning.
/// This week (Sat 10 – Fri 16 Oct): T-1 answered and resolved in time, rated 5; T-2 never answered (first response
/// missed), resolved in time, rated 2; one warning, one breach to the supervisor, one three-strikes flag, one major
/// incident; two revisits due, one reached, one found a problem.
/// </summary>
internal sealed class ScriptedWeek
{
    public ScriptedWeek(string locale = "en", bool twice = false)
    {
        Settings = TestSettings.With(("Email:Locale", locale), ("Escalation:Teams:quiet:Supervisor", "quiet.supervisor@example.com"));
        Reports = ReportSettingsLoader.LoadWithDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var engine = new SlaEngine(Settings);
        var tickets = new[]
        {
            new TicketScript("T-3").Opened("2026-10-08 09:00").Responded("2026-10-08 09:05").Resolved("2026-10-09 09:00"),
            new TicketScript("T-1").Opened("2026-10-12 09:00").Responded("2026-10-12 09:10").Resolved("2026-10-13 10:00"),
            new TicketScript("T-2").Opened("2026-10-12 09:00").Resolved("2026-10-14 09:00"),
        };
        var items = new List<TallyItem>();
        foreach (var script in tickets)
        {
            // As the sweeps would look at the ticket: after each event, and at the digest.
            foreach (var at in script.Events.Select(e => e.OccurredAt).Append(At("2026-10-16 16:00")))
                items.AddRange(TicketTallies.Facts(script.History, engine.Assess(script.History, at), at, Reports.Zone));
        }

        // T-1 was a major incident: its chain emailed three roles, one incident.
        var incident = new TicketScript("T-1").Opened("2026-10-12 09:00", "P1").History;
        items.AddRange(TicketTallies.Facts(incident, engine.Assess(incident, At("2026-10-12 09:01")), At("2026-10-12 09:01"), Reports.Zone)
            .Where(f => f.Key.Contains("/major-incident/", StringComparison.Ordinal)));
        var history = tickets.ToDictionary(t => t.History.TicketId, t => t.History);
        items.Add(Sent("T-3", "resolution", "warning", LadderTrigger.Warning, "2026-10-08 11:00"));
        items.Add(Sent("T-2", "first-response", "warning", LadderTrigger.Warning, "2026-10-12 09:23"));
        items.Add(Sent("T-2", "first-response", "supervisor", LadderTrigger.Breach, "2026-10-12 09:30"));
        items.Add(Sent("T-2", "three-strikes", "manager", LadderTrigger.Opened, "2026-10-12 09:31"));
        items.Add(Sent("T-1", "major-incident", "duty-manager", LadderTrigger.Opened, "2026-10-12 09:32"));
        items.Add(Sent("T-1", "major-incident", "manager", LadderTrigger.Opened, "2026-10-12 09:32"));
        items.Add(ActivityTallies.Rating(new RatingRecorded("T-1/text/survey/1", "T-1", 5, At("2026-10-14 12:00"), RatingFollowUp.ThankCustomer), history["T-1"], Reports.Zone)!);
        items.Add(ActivityTallies.Rating(new RatingRecorded("T-2/text/survey/1", "T-2", 2, At("2026-10-15 12:00"), RatingFollowUp.AlertManager), history["T-2"], Reports.Zone)!);
        var revisitDay = new NodaTime.LocalDate(2026, 10, 13);
        items.Add(ActivityTallies.RevisitDue("INS-8", revisitDay, "Default"));
        items.Add(ActivityTallies.RevisitDue("INS-9", revisitDay, "Default"));
        items.Add(ActivityTallies.RevisitOutcome("INS-8", revisitDay, RevisitOutcome.Reached, "Default"));
        items.Add(ActivityTallies.RevisitOutcome("INS-9", revisitDay, RevisitOutcome.ProblemFound, "Default"));

        foreach (var item in twice ? items.Concat(items) : items) Counted += Tallies.AddAsync(item, CancellationToken.None).GetAwaiter().GetResult() ? 1 : 0;
        Offered = twice ? items.Count * 2 : items.Count;

        TallyItem Sent(string ticket, string clock, string level, LadderTrigger trigger, string at) =>
            ActivityTallies.StepSent(new EscalationStep(EscalationStep.KeyFor(ticket, clock, level, 1), ticket, 1, level, trigger, null, clock, "Role", null,
                At(at), At(at), null, ""), "metro", At(at), Reports.Zone);
    }

    public AfterSalesSettings Settings { get; }

    public ReportSettings Reports { get; }

    public InMemoryTallies Tallies { get; } = new();

    public InMemoryReportLog Log { get; } = new();

    public RecordingSender Email { get; } = new();

    public int Offered { get; }

    public int Counted { get; }

    public WeeklyDigest Digest(OldestOpenTickets? oldest = null) => new(Tallies, Log, Email, Settings, Reports, oldest);

    public MonthlyReport Monthly() => new(Tallies, Log, Email, Settings, Reports);
}

/// <summary>Keeps what it is asked to send; fails while <see cref="Failing"/> is set.</summary>
internal sealed class RecordingSender : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public bool Failing { get; set; }

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Failing) return Task.FromResult(SendResult.Failure("SendGrid said no", 1));
        Sent.Add(message);
        return Task.FromResult(SendResult.Success(message.StepKey, 1));
    }
}

internal static class ReportRows
{
    /// <summary>The values of the row labelled <paramref name="label"/> in the table titled <paramref name="table"/>.</summary>
    public static IReadOnlyList<string> Row(this ReportContent content, string table, string label) =>
        Assert.Single(Assert.Single(content.Tables, t => t.Title == table).Rows, r => r.Label == label).Values;

    public static ReportTable Table(this ReportContent content, string title) => Assert.Single(content.Tables, t => t.Title == title);
}
