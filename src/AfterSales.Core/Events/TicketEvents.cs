using NodaTime;

namespace AfterSales.Core.Events;

public sealed record TicketOpened(
    string EventId, string TicketId, Instant OccurredAt,
    Customer Customer, TicketChannel Channel, TicketCategory Category, string Priority,
    string? ProductId, string? InstallationId, string Team, Person Owner, string Summary)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record TicketAssigned(string EventId, string TicketId, Instant OccurredAt, Person Owner)
    : TicketEvent(EventId, TicketId, OccurredAt);

/// <summary>A reply to the customer: stops the first-response clock and restarts the update clock.</summary>
public sealed record AgentResponded(string EventId, string TicketId, Instant OccurredAt, Person? Agent)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record CustomerReplied(string EventId, string TicketId, Instant OccurredAt)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record StatusChanged(string EventId, string TicketId, Instant OccurredAt, TicketStatus Status)
    : TicketEvent(EventId, TicketId, OccurredAt);

/// <summary>The agent promised the customer an answer by <see cref="DueBy"/>.</summary>
public sealed record CommitmentMade(string EventId, string TicketId, Instant OccurredAt, Instant DueBy, string? Description)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record AppointmentScheduled(
    string EventId, string TicketId, Instant OccurredAt, string AppointmentId, Instant VisitAt, string? Technician)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record AppointmentCancelled(string EventId, string TicketId, Instant OccurredAt, string AppointmentId)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record TicketResolved(string EventId, string TicketId, Instant OccurredAt, string? Resolution)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record TicketReopened(string EventId, string TicketId, Instant OccurredAt, string? Reason)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record TicketClosed(string EventId, string TicketId, Instant OccurredAt)
    : TicketEvent(EventId, TicketId, OccurredAt);

public sealed record PriorityChanged(string EventId, string TicketId, Instant OccurredAt, string Priority)
    : TicketEvent(EventId, TicketId, OccurredAt);

/// <summary>The fault analysis report of a major incident (cause, how to avoid it) was filed: stops the fault-report clock.</summary>
public sealed record FaultReportFiled(string EventId, string TicketId, Instant OccurredAt, string? Cause, string? Prevention)
    : TicketEvent(EventId, TicketId, OccurredAt);
