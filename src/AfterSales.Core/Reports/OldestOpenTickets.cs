using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// The digest's oldest open tickets: the first few of the index of open tickets (one range read per list), each read
/// for how it stands now (priority, owner, the last escalation level that went out). An entry whose ticket turns out
/// no longer open in that cycle (a sweep that listed it after the resolution was unlisted, a ticket deleted) is
/// unlisted and the next one taken, so a stale entry heals instead of showing.
/// </summary>
/// <param name="readTicket">The ticket's history, or null when it is not stored (the ticket store's read in production).</param>
public sealed class OldestOpenTickets(IOpenTickets index, Func<string, CancellationToken, Task<TicketHistory?>> readTicket, SlaEngine engine)
{
    /// <summary>How many tickets a digest lists.</summary>
    public const int Listed = 5;

    /// <summary>Entries read beyond <see cref="Listed"/>, to stand in for stale ones (still one range read).</summary>
    private const int Spare = 20;

    /// <param name="team">The team, or null for the oldest over all teams.</param>
    public async Task<IReadOnlyList<OldestOpenLine>> ListAsync(string? team, Instant now, CancellationToken cancellationToken)
    {
        var lines = new List<OldestOpenLine>();
        foreach (var entry in await index.OldestAsync(team, Listed + Spare, cancellationToken).ConfigureAwait(false))
        {
            if (lines.Count == Listed) break;
            if (await LineAsync(entry, now, cancellationToken).ConfigureAwait(false) is { } line) lines.Add(line);
            else await index.CloseAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        return lines;
    }

    private async Task<OldestOpenLine?> LineAsync(OpenTicket entry, Instant now, CancellationToken cancellationToken)
    {
        if (await readTicket(entry.TicketId, cancellationToken).ConfigureAwait(false) is not { } history) return null;
        var facts = new TicketFacts(history, now);
        if (facts.CurrentCycle is not { End: null } cycle || cycle.Number != entry.Cycle) return null;
        var assessment = engine.Assess(history, now);
        var level = assessment.Planned
            .Where(s => s.Trigger != LadderTrigger.Warning && history.ProducedSteps.Contains(s.Key) && !SlaEngine.IsCoveredByIncidentChain(s, assessment.Planned))
            .OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal)
            .LastOrDefault()?.Level;
        return new OldestOpenLine(entry.TicketId, now - cycle.Start, facts.Priority, facts.Owner?.Name, level, cycle.Number);
    }
}
