using NodaTime;

namespace AfterSales.Core.Events;

/// <summary>Any event the helpdesk sends. <see cref="EventId"/> is unique: applying it twice changes nothing.</summary>
public abstract record AfterSalesEvent(string EventId, Instant OccurredAt)
{
    /// <summary>The contract's <c>type</c> value, e.g. <c>TicketOpened</c>.</summary>
    public string Type => GetType().Name;

    /// <summary>
    /// The helpdesk's own order of its events (optional, <c>sequence</c> on the wire): among events of a ticket stamped
    /// in the same second, those carrying one apply in its order (<see cref="Tickets.EventOrder"/>). Null when not sent.
    /// </summary>
    public long? Sequence { get; init; }
}

/// <summary>An event in the life of one ticket.</summary>
public abstract record TicketEvent(string EventId, string TicketId, Instant OccurredAt) : AfterSalesEvent(EventId, OccurredAt);
