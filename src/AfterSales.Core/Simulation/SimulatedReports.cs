using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Reports;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The weekly digests and monthly reports of a simulation: the same running totals as production (each ticket's facts
/// as the sweep counts them, each step as it is sent), in memory, and the same handlers, woken at each digest's and
/// report's instant on the virtual clock. The index of open tickets is kept as the sweep keeps it, and the digests read
/// the open tickets' histories (only the open ones are held).
/// </summary>
internal sealed class SimulatedReports
{
    private readonly AfterSalesSettings settings;
    private readonly ReportSettings reports;
    private readonly ReportSchedule schedule;
    private readonly SimulatedTallies tallies = new();
    private readonly InMemoryOpenTickets openTickets = new();
    private readonly Dictionary<string, (OpenTicket Entry, TicketHistory History)> open = new(StringComparer.Ordinal);

    /// <summary>The keys counted of each ticket still in play: a ticket's facts are offered again at every look at it.</summary>
    private readonly Dictionary<string, HashSet<string>> counted = new(StringComparer.Ordinal);
    private readonly WeeklyDigest digest;
    private readonly MonthlyReport monthly;
    private Instant checkedAt;

    public SimulatedReports(AfterSalesSettings settings, ReportSettings reports, SlaEngine engine, Instant start)
    {
        this.settings = settings;
        this.reports = reports;
        schedule = new ReportSchedule(reports);
        var log = new InMemoryReportLog();
        var sender = new AcceptingSender();
        var oldest = new OldestOpenTickets(openTickets, (id, _) => Task.FromResult(open.TryGetValue(id, out var o) ? o.History : null), engine);
        digest = new WeeklyDigest(tallies, log, sender, settings, reports, oldest);
        monthly = new MonthlyReport(tallies, log, sender, settings, reports);
        checkedAt = start;
    }

    /// <summary>The next digest or report instant after the last one looked at.</summary>
    public Instant NextDue => Instant.Min(
        schedule.DigestInstant(schedule.LatestDigestDay(checkedAt).PlusDays(7)),
        schedule.ReportInstant(schedule.LatestReportedMonth(checkedAt).PlusMonths(1)));

    public void Count(TicketHistory history, TicketAssessment assessment, Instant now)
    {
        foreach (var fact in TicketTallies.Facts(history, assessment, now, reports.Zone)) Add(history.TicketId, fact);
        var current = OpenTicketChanges.Current(history, now);
        if (open.TryGetValue(history.TicketId, out var listed) && listed.Entry != current)
        {
            openTickets.CloseAsync(listed.Entry, CancellationToken.None).GetAwaiter().GetResult();
            open.Remove(history.TicketId);
        }

        if (current is null) return;
        openTickets.OpenAsync(current, CancellationToken.None).GetAwaiter().GetResult();
        open[history.TicketId] = (current, history);
    }

    /// <param name="assessment">The assessment that made the step due (its facts name the ticket's team).</param>
    public void StepSent(EscalationStep step, TicketAssessment assessment, Instant now)
    {
        var team = assessment.Facts?.Opened?.Team ?? settings.Escalation.DefaultTeam;
        Add(step.TicketId, ActivityTallies.StepSent(step, team, now, reports.Zone));
    }

    /// <summary>A ticket out of play offers nothing more: its counted keys can go.</summary>
    public void Forget(string ticketId) => counted.Remove(ticketId);

    public IEnumerable<TimelineEntry> Wake(Instant at)
    {
        checkedAt = at;
        var runs = new[] { digest.RunAsync(at, CancellationToken.None), monthly.RunAsync(at, CancellationToken.None) }
            .Select(t => t.GetAwaiter().GetResult()).ToList();
        foreach (var run in runs)
        {
            var kind = run.Period.StartsWith("digest", StringComparison.Ordinal) ? TimelineKind.Digest : TimelineKind.Report;
            foreach (var delivery in run.Deliveries)
                yield return new TimelineEntry(at, "", kind, $"{(kind == TimelineKind.Digest ? "weekly digest" : "monthly report")} to {delivery.To}: {delivery.Content.Summary}", Report: delivery);
        }
    }

    private void Add(string ticketId, TallyItem item)
    {
        if (!counted.TryGetValue(ticketId, out var keys)) counted[ticketId] = keys = new(StringComparer.Ordinal);
        if (keys.Add(item.Key)) tallies.AddAsync(item, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The simulation sends nothing: the CLI writes what would have gone out.</summary>
    private sealed class AcceptingSender : IEmailSender
    {
        public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(SendResult.Success(message.StepKey, 1));
    }
}
