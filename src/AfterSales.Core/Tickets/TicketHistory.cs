using System.Collections.Immutable;
using AfterSales.Core.Events;

namespace AfterSales.Core.Tickets;

/// <summary>
/// Everything known about one ticket: the events applied so far (kept in time order, whatever order they
/// arrived in) and the keys of the steps already produced. Immutable: applying returns a new history.
/// </summary>
public sealed record TicketHistory(string TicketId, ImmutableArray<TicketEvent> Events, ImmutableHashSet<string> ProducedSteps)
{
    public static TicketHistory Empty(string ticketId) =>
        new(ticketId, ImmutableArray<TicketEvent>.Empty, ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>
    /// A history from stored events in any order (storage keeps one row per event): sorted as <see cref="Apply"/>
    /// would have placed them, in O(n log n) instead of one insertion per event.
    /// </summary>
    public static TicketHistory FromEvents(string ticketId, IEnumerable<TicketEvent> events, IEnumerable<string> producedSteps)
    {
        var ordered = events.DistinctBy(e => e.EventId).ToList();
        if (ordered.FirstOrDefault(e => e.TicketId != ticketId) is { } stranger)
            throw new ArgumentException($"Event {stranger.EventId} belongs to ticket {stranger.TicketId}, not {ticketId}.", nameof(events));
        ordered.Sort(EventOrder.Compare);
        return new TicketHistory(ticketId, [.. ordered], ImmutableHashSet.CreateRange(StringComparer.Ordinal, producedSteps));
    }

    public bool HasApplied(string eventId) => Events.Any(e => e.EventId == eventId);

    /// <summary>Adds the event in time order; a second event with the same id changes nothing.</summary>
    public TicketHistory Apply(TicketEvent ticketEvent)
    {
        if (ticketEvent.TicketId != TicketId)
            throw new ArgumentException($"Event {ticketEvent.EventId} belongs to ticket {ticketEvent.TicketId}, not {TicketId}.", nameof(ticketEvent));
        if (HasApplied(ticketEvent.EventId)) return this;

        var index = 0;
        while (index < Events.Length && EventOrder.Compare(Events[index], ticketEvent) <= 0) index++;
        return this with { Events = Events.Insert(index, ticketEvent) };
    }

    public TicketHistory MarkProduced(IEnumerable<string> stepKeys) => this with { ProducedSteps = ProducedSteps.Union(stepKeys) };
}
