using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// What a ticket's newly counted facts change in the index of open tickets: a cycle whose opening is counted now and
/// that is still open is listed; a cycle whose resolution is counted now is unlisted (whether or not a sweep before
/// listed it: unlisting what is not there changes nothing).
/// </summary>
public static class OpenTicketChanges
{
    public static (IReadOnlyList<OpenTicket> Open, IReadOnlyList<OpenTicket> Close) Of(TicketHistory history, Instant now, IReadOnlyCollection<string> freshFacts)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(freshFacts);
        var facts = new TicketFacts(history, now);
        if (facts.Opened is not { } opened) return ([], []);
        var open = new List<OpenTicket>();
        var close = new List<OpenTicket>();
        foreach (var cycle in facts.Cycles)
        {
            var entry = new OpenTicket(history.TicketId, opened.Team, cycle.Start, cycle.Number);
            if (cycle.End is null && freshFacts.Contains(TallyKeys.TicketFact(history.TicketId, "opened", cycle.Number))) open.Add(entry);
            if (cycle.End is not null && freshFacts.Contains(TallyKeys.TicketFact(history.TicketId, "resolved", cycle.Number))) close.Add(entry);
        }

        return (open, close);
    }

    /// <summary>The ticket's open cycle at <paramref name="now"/>, as listed; null when it is not open (a rebuild lists these).</summary>
    public static OpenTicket? Current(TicketHistory history, Instant now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var facts = new TicketFacts(history, now);
        return facts.Opened is { } opened && facts.CurrentCycle is { End: null } cycle
            ? new OpenTicket(history.TicketId, opened.Team, cycle.Start, cycle.Number)
            : null;
    }

    /// <summary>Applies the changes: unlistings after listings, so a cycle both opened and resolved since the last count ends unlisted.</summary>
    public static async Task ApplyAsync(IOpenTickets index, (IReadOnlyList<OpenTicket> Open, IReadOnlyList<OpenTicket> Close) changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        foreach (var ticket in changes.Open) await index.OpenAsync(ticket, cancellationToken).ConfigureAwait(false);
        foreach (var ticket in changes.Close) await index.CloseAsync(ticket, cancellationToken).ConfigureAwait(false);
    }
}
