using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>What a rebuild counted.</summary>
public sealed record TallyRebuildReport(int Tickets, int Facts, int StepsSent);

/// <summary>
/// Rebuilds the running totals from what is stored: forgets them, then counts every stored ticket's facts (as the sweep
/// would at <c>now</c>) and every email step the outbox shows as sent. Ratings and revisit outcomes live in their own
/// tables and are not recounted. Safe to run again; while it runs, the sweep and the dispatcher may count the same
/// items, which the item keys make harmless.
/// </summary>
public sealed class TallyRebuild(ITallies tallies, SlaEngine engine, AfterSalesSettings settings, ReportSettings reports)
{
    public async Task<TallyRebuildReport> RunAsync(
        IAsyncEnumerable<TicketHistory> tickets, IAsyncEnumerable<OutboxRecord> sent, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(sent);
        await tallies.ClearAsync(cancellationToken).ConfigureAwait(false);
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        int ticketCount = 0, facts = 0, steps = 0;
        await foreach (var history in tickets.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ticketCount++;
            if (new TicketFacts(history, now).Opened is { } opened) teams[history.TicketId] = opened.Team;
            foreach (var fact in TicketTallies.Facts(history, engine.Assess(history, now), now, reports.Zone))
                facts += await tallies.AddAsync(fact, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        await foreach (var row in sent.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Text is not null || row.Status != OutboxStatus.Sent) continue;
            var team = teams.GetValueOrDefault(row.Step.TicketId) ?? settings.Escalation.DefaultTeam;
            var item = ActivityTallies.StepSent(row.Step, team, row.CompletedAt ?? row.ProducedAt, reports.Zone);
            steps += await tallies.AddAsync(item, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return new TallyRebuildReport(ticketCount, facts, steps);
    }
}
