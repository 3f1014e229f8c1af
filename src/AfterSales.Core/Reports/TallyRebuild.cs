using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Texts;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>What a rebuild counted.</summary>
public sealed record TallyRebuildReport(int Tickets, int Facts, int StepsSent)
{
    /// <summary>The ratings counted again.</summary>
    public int Ratings { get; init; }

    /// <summary>The revisits due and outcomes counted again.</summary>
    public int Revisits { get; init; }

    /// <summary>The tickets listed in the index of open tickets.</summary>
    public int Open { get; init; }
}

/// <summary>
/// Rebuilds the running totals from what is stored: forgets them, then counts every stored ticket's facts (as the sweep
/// would at <c>now</c>), every email step the outbox shows as sent, every rating the surveys hold and every revisit the
/// call lists hold (due, and its outcome), and lists the tickets open at <c>now</c> in the index of open tickets. Safe to run again; while it runs, the sweep and the dispatcher may count the same
/// items, which the item keys make harmless.
/// </summary>
public sealed class TallyRebuild(ITallies tallies, SlaEngine engine, AfterSalesSettings settings, ReportSettings reports, IOpenTickets? openTickets = null)
{
    /// <param name="ratings">The ratings recorded (the surveys' rated rows); null counts none.</param>
    /// <param name="revisits">The revisit calls produced, with their outcomes; null counts none.</param>
    public async Task<TallyRebuildReport> RunAsync(
        IAsyncEnumerable<TicketHistory> tickets, IAsyncEnumerable<OutboxRecord> sent, Instant now, CancellationToken cancellationToken,
        IAsyncEnumerable<RatingRecorded>? ratings = null, IAsyncEnumerable<RevisitCall>? revisits = null)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(sent);
        await tallies.ClearAsync(cancellationToken).ConfigureAwait(false);
        if (openTickets is not null) await openTickets.ClearAsync(cancellationToken).ConfigureAwait(false);
        var openings = new Dictionary<string, TicketOpened>(StringComparer.Ordinal);
        int ticketCount = 0, facts = 0, steps = 0, open = 0, rated = 0, revisited = 0;
        await foreach (var history in tickets.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ticketCount++;
            if (new TicketFacts(history, now).Opened is { } opened) openings[history.TicketId] = opened;
            foreach (var fact in TicketTallies.Facts(history, engine.Assess(history, now), now, reports.Zone))
                facts += await tallies.AddAsync(fact, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            if (openTickets is not null && OpenTicketChanges.Current(history, now) is { } listed)
            {
                await openTickets.OpenAsync(listed, cancellationToken).ConfigureAwait(false);
                open++;
            }
        }

        await foreach (var row in sent.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Text is not null || row.Status != OutboxStatus.Sent) continue;
            var team = openings.GetValueOrDefault(row.Step.TicketId)?.Team ?? settings.Escalation.DefaultTeam;
            var item = ActivityTallies.StepSent(row.Step, team, row.CompletedAt ?? row.ProducedAt, reports.Zone);
            steps += await tallies.AddAsync(item, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        if (ratings is not null)
        {
            await foreach (var rating in ratings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (ActivityTallies.Rating(rating, openings.GetValueOrDefault(rating.TicketId), reports.Zone) is { } item)
                    rated += await tallies.AddAsync(item, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        if (revisits is not null)
        {
            var team = settings.Escalation.DefaultTeam;
            await foreach (var call in revisits.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                revisited += await tallies.AddAsync(ActivityTallies.RevisitDue(call.InstallationId, call.Date, team), cancellationToken).ConfigureAwait(false) ? 1 : 0;
                if (call.Outcome is { } outcome)
                    revisited += await tallies.AddAsync(ActivityTallies.RevisitOutcome(call.InstallationId, call.Date, outcome, team), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        return new TallyRebuildReport(ticketCount, facts, steps) { Open = open, Ratings = rated, Revisits = revisited };
    }
}
