using AfterSales.Core.Events;

namespace AfterSales.Core.Tickets;

/// <summary>
/// The order a ticket's events are replayed in: by time; at the same instant the opening comes first, then the
/// ticket's work, then a resolution and a close (so a reply logged in the same second as the resolution still
/// counts), and a reopen last: a reopen can only follow the close it undoes, so a close and a reopen stamped in
/// the same second leave the ticket open. Then by event id, so the order never depends on arrival.
/// </summary>
public static class EventOrder
{
    public static int Compare(TicketEvent a, TicketEvent b)
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0) return byTime;
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
