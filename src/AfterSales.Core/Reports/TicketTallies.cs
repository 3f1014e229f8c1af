using AfterSales.Core.Events.Wire;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// What a ticket adds to the running totals, worked out by the sweep from the same assessment that decides its steps:
/// opened (and reopened), resolved, a major incident, and each first-response and resolution promise met or missed, on the local day it
/// was decided (met: the day it was kept; missed: the day the deadline passed). Each fact is counted once: its key goes
/// among the ticket's produced keys, saved with the sweep's transaction, and the totals themselves refuse a key twice
/// (a sweep that crashed between the two offers it again and changes nothing). With <paramref name="openTickets"/> it
/// also keeps the index of open tickets: listed when an opening is counted, unlisted when a resolution is.
/// </summary>
public sealed class TicketTallies(ITallies tallies, DateTimeZone zone, IOpenTickets? openTickets = null)
{
    /// <returns>The keys of the facts offered now: to be saved with the ticket so that they are not offered again.</returns>
    public async Task<IReadOnlyList<string>> CountAsync(TicketHistory history, TicketAssessment assessment, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var fresh = Facts(history, assessment, now, zone).Where(f => !history.ProducedSteps.Contains(f.Key)).ToList();
        foreach (var fact in fresh) await tallies.AddAsync(fact, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> keys = [.. fresh.Select(f => f.Key)];
        if (openTickets is not null && keys.Count > 0)
            await OpenTicketChanges.ApplyAsync(openTickets, OpenTicketChanges.Of(history, now, keys), cancellationToken).ConfigureAwait(false);
        return keys;
    }

    /// <summary>Every fact the ticket's history holds by <paramref name="now"/>, counted or not (a rebuild offers them all).</summary>
    public static IReadOnlyList<TallyItem> Facts(TicketHistory history, TicketAssessment assessment, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(assessment);
        var facts = assessment.Facts ?? new TicketFacts(history, now);
        if (facts.Opened is not { } opened) return [];
        var items = new List<TallyItem>();
        var id = history.TicketId;
        LocalDate Day(Instant at) => at.InZone(zone).Date;
        Dictionary<string, long> Counts(string counter)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal) { [counter] = 1 };
            if (assessment.Policy is { } policy) counts[TallyCounters.OfPolicy(policy, counter)] = 1;
            return counts;
        }

        foreach (var cycle in facts.Cycles)
        {
            var first = cycle.Number == 1;
            items.Add(new TallyItem(TallyKeys.TicketFact(id, "opened", cycle.Number), opened.Team, Day(cycle.Start),
                Counts(first ? TallyCounters.Opened : TallyCounters.Reopened),
                first ? new TallyNote(TallyCounters.LatestList, id, cycle.Start, $"{WireVocabularies.Categories.ToWire(opened.Category)} · {opened.Summary}") : null));
            if (cycle.End is { } end)
                items.Add(new TallyItem(TallyKeys.TicketFact(id, "resolved", cycle.Number), opened.Team, Day(end), Counts(TallyCounters.Resolved)));
        }

        // A major incident once per cycle, on the day its chain reports it (each role's email is counted apart, as a step sent).
        if (assessment.Planned.FirstOrDefault(s => s.ClockId == MajorIncidentPlanner.ChainClockId) is { } chain)
            items.Add(new TallyItem(TallyKeys.TicketFact(id, "major-incident", chain.Cycle), opened.Team, Day(chain.DueAt), Counts(TallyCounters.MajorIncidents)));

        foreach (var clock in assessment.Clocks.Where(c => c.Kind is ClockKind.FirstResponse or ClockKind.Resolution))
        {
            var decided = clock.OutcomeAt(now) switch
            {
                ClockOutcome.Met => (Met: true, At: clock.StoppedAt),
                ClockOutcome.Missed or ClockOutcome.Overdue => (Met: false, At: clock.Deadline),
                ClockOutcome.Unanswered => (Met: false, At: clock.StoppedAt),
                _ => (Met: false, At: null),
            };
            if (decided.At is not { } at) continue;
            var counter = (clock.Kind, decided.Met) switch
            {
                (ClockKind.FirstResponse, true) => TallyCounters.FirstResponseMet,
                (ClockKind.FirstResponse, false) => TallyCounters.FirstResponseMissed,
                (_, true) => TallyCounters.ResolutionMet,
                _ => TallyCounters.ResolutionMissed,
            };
            items.Add(new TallyItem(TallyKeys.TicketFact(id, clock.ClockId, clock.Cycle), opened.Team, Day(at), Counts(counter)));
        }

        return items;
    }
}
