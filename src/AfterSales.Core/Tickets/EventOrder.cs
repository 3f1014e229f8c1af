using AfterSales.Core.Events;

namespace AfterSales.Core.Tickets;

/// <summary>
/// The order a ticket's events are replayed in: by time; at the same instant the opening comes first. Then events
/// that carry no <see cref="AfterSalesEvent.Sequence"/> in the order of their lifecycle: the ticket's work, then a
/// resolution and a close (so a reply logged in the same second as the resolution still counts), and a reopen last
/// (a reopen can only follow the close it undoes, so a close and a reopen stamped in the same second leave the ticket
/// open). Then events that carry a sequence, in the order the helpdesk sent them: a reopen sent before a close in the
/// same second ends closed. Last by event id, so the order never depends on arrival. Events without a sequence (all
/// those stored before it existed) replay exactly as they always did.
/// </summary>
public static class EventOrder
{
    public static int Compare(TicketEvent a, TicketEvent b)
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0) return byTime;
        var byOpening = (a is TicketOpened ? 0 : 1).CompareTo(b is TicketOpened ? 0 : 1);
        if (byOpening != 0) return byOpening;
        // One key compared field by field (sequenced or not, sequence, rank, id) keeps the order transitive when
        // events with and without a sequence share a second.
        var bySequenced = a.Sequence.HasValue.CompareTo(b.Sequence.HasValue);
        if (bySequenced != 0) return bySequenced;
        var bySequence = (a.Sequence ?? 0).CompareTo(b.Sequence ?? 0);
        if (bySequence != 0) return bySequence;
        var byRank = Rank(a).CompareTo(Rank(b));
        return byRank != 0 ? byRank : string.CompareOrdinal(a.EventId, b.EventId);
    }

    private static int Rank(TicketEvent e) => e switch
    {
        TicketOpened => 0,
        TicketResolved => 3,
        TicketClosed => 4,
        TicketReopened => 5,
        _ => 2,
    };
}
