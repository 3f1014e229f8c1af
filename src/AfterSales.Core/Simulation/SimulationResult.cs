using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <param name="LineNumber">1-based line of the events file.</param>
public sealed record RejectedLine(int LineNumber, EventRejection Rejection);

/// <param name="FirstResponseMet">Share of first-response clocks that ended on time, of those that ended with a reply or are overdue; null when none.</param>
/// <param name="NoFirstResponse">First-response clocks that ended with the ticket resolved or closed and no reply to the customer: counted apart, never as met.</param>
/// <param name="MedianFirstResponse">Working time (pauses excluded) from opening to the first reply.</param>
public sealed record PolicySummary(
    string Policy,
    int Tickets,
    double? FirstResponseMet,
    double? ResolutionMet,
    Duration? MedianFirstResponse,
    Duration? P95FirstResponse,
    IReadOnlyDictionary<string, int> EscalationsPerLevel,
    int NoFirstResponse,
    IReadOnlyDictionary<string, int> TextsPerKind,
    int BudgetHolds);

/// <summary>How one ticket ended up in a run: each clock's outcome and every escalation step produced, for comparing runs.</summary>
/// <param name="Clocks">Outcome per clock (<c>cycle/clockId</c> → met, missed, overdue, unanswered, running, paused).</param>
/// <param name="Steps">Keys of the escalation steps produced.</param>
public sealed record TicketOutcome(string TicketId, string Policy, IReadOnlyDictionary<string, string> Clocks, IReadOnlyList<string> Steps);

public sealed record SimulationResult(
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RejectedLine> Rejected,
    IReadOnlyList<PolicySummary> Summary,
    Instant? EndedAt,
    IReadOnlyList<TicketOutcome> Outcomes)
{
    /// <summary>
    /// <see cref="Outcomes"/> in ticket order, each built as it is read and not kept: how a comparison reads a run of a
    /// hundred thousand tickets without holding every outcome of both runs at once.
    /// </summary>
    internal IEnumerable<TicketOutcome> OutcomesInOrder { get; init; } = Outcomes.OrderBy(o => o.TicketId, StringComparer.Ordinal);
}
