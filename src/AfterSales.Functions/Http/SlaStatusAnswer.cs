using System.Text.Json.Serialization;

namespace AfterSales.Functions.Http;

/// <summary>GET /api/tickets/{id}/sla (docs/http.md): instants in UTC ISO 8601, durations as ISO 8601 hours (<see cref="JsonTime"/>).</summary>
public sealed record SlaStatusAnswer(
    string TicketId,
    string? AsOf,
    string Phase,
    string? Policy,
    string? Priority,
    int Cycle,
    string? NextDueAt,
    IReadOnlyList<ClockAnswer> Clocks,
    IReadOnlyList<PauseAnswer> Pauses,
    IReadOnlyList<StepAnswer> Steps);

/// <summary>
/// One clock: its deadline, state, and the time left (running), to spare (met) or by how much it is or was late
/// (overdue, missed). A first response that never came (resolved or closed without a reply) is <c>unanswered</c>.
/// </summary>
public sealed record ClockAnswer(
    string ClockId,
    string Kind,
    int Cycle,
    string Calendar,
    string Target,
    string? Start,
    string? WarningAt,
    string? Deadline,
    string? StoppedAt,
    string? StoppedBy,
    string State,
    SpanAnswer? TimeLeft,
    SpanAnswer? OverdueBy,
    SpanAnswer? Spare);

/// <summary>A span in working time on the clock's calendar (pauses excluded) and in calendar time.</summary>
public sealed record SpanAnswer(string Working, string? Calendar);

public sealed record PauseAnswer(string? Start, string? End);

/// <summary>
/// An escalation step: planned ones carry cycle, level, role, clock and due instant; a step produced earlier and no
/// longer planned only its key. The outbox status when the outbox has its row. Recipients' addresses never: the role says who.
/// </summary>
public sealed record StepAnswer(
    string Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Cycle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClockId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DueAt,
    bool Produced,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotSent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProducedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StatusUpdatedAt);
