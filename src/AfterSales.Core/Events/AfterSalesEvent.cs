using NodaTime;

namespace AfterSales.Core.Events;

/// <summary>Any event the helpdesk sends. <see cref="EventId"/> is unique: applying it twice changes nothing.</summary>
public abstract record AfterSalesEvent(string EventId, Instant OccurredAt)
{
    /// <summary>The contract's <c>type</c> value, e.g. <c>TicketOpened</c>.</summary>
    public string Type => GetType().Name;
}

/// <summary>An event in the life of one ticket.</summary>
public abstract record TicketEvent(string EventId, string TicketId, Instant OccurredAt) : AfterSalesEvent(EventId, OccurredAt);
