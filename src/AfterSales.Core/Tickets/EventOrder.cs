using AfterSales.Core.Events;

namespace AfterSales.Core.Tickets;

/// <summary>
/// The order a ticket's events are replayed in: by time; at the same instant the opening comes first and a
/// resolution last, so a reply logged in the same second as the resolution still counts; then by event id
/// so the order never depends on arrival.
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
        TicketReopened => 1,
        TicketResolved => 3,
        TicketClosed => 4,
        _ => 2,
    };
}
