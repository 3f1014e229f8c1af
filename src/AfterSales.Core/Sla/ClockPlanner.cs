using AfterSales.Core.Calendars;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>Lays out the clocks of one cycle from the ticket's history and its policy.</summary>
public sealed class ClockPlanner(double warningShare)
{
    public const string FirstResponseId = "first-response";
    public const string ResolutionId = "resolution";
    private const string AgentReply = nameof(Events.AgentResponded);

    public IEnumerable<ClockRun> Plan(
        TicketFacts facts, TicketCycle cycle, SlaPolicy policy, BusinessCalendar calendar, IReadOnlyList<PauseInterval> pauses)
    {
        var responses = facts.Responses.Where(r => cycle.Contains(r.OccurredAt)).Select(r => r.OccurredAt).ToList();

        var firstResponseTarget = policy.FirstResponseInWorkingHours is { } inHours && calendar.IsWorkingTime(cycle.Start)
            ? inHours
            : policy.FirstResponse;
        var firstReply = responses.Count > 0 ? responses[0] : (Instant?)null;
        yield return Run(ClockKind.FirstResponse, FirstResponseId, cycle, cycle.Start, firstResponseTarget.On(calendar),
            calendar, pauses, firstReply ?? cycle.End, firstReply is null ? cycle.EndedBy : AgentReply);

        if (policy.Update is { } update)
        {
            var periods = facts.Responses.Where(r => cycle.Contains(r.OccurredAt)).ToList();
            for (var i = 0; i < periods.Count; i++)
            {
                var next = i + 1 < periods.Count ? periods[i + 1].OccurredAt : (Instant?)null;
                yield return Run(ClockKind.Update, $"update@{periods[i].EventId}", cycle, periods[i].OccurredAt, update.On(calendar),
                    calendar, pauses, next ?? cycle.End, next is null ? cycle.EndedBy : AgentReply);
            }
        }

        yield return Run(ClockKind.Resolution, ResolutionId, cycle, cycle.Start, policy.Resolution.On(calendar),
            calendar, pauses, cycle.End, cycle.EndedBy);

        // A promise names a wall-clock time, so it runs on calendar time in the policy's zone.
        var promiseClock = BusinessCalendar.TwentyFourSeven(calendar.Zone);
        foreach (var commitment in facts.Commitments.Where(c => cycle.Contains(c.OccurredAt)))
        {
            var reply = responses.Where(r => r > commitment.OccurredAt).Select(r => (Instant?)r).FirstOrDefault();
            yield return Run(ClockKind.Commitment, $"commitment@{commitment.EventId}", cycle, commitment.OccurredAt,
                commitment.DueBy - commitment.OccurredAt, promiseClock, pauses, reply ?? cycle.End,
                reply is null ? cycle.EndedBy : AgentReply);
        }
    }

    private ClockRun Run(
        ClockKind kind, string id, TicketCycle cycle, Instant start, Duration target, BusinessCalendar calendar,
        IReadOnlyList<PauseInterval> pauses, Instant? stoppedAt, string? stoppedBy)
    {
        // A clock stopped while the ticket was paused (resolved while waiting for the customer) still had time
        // left: its deadline is where the time left would have run out had the pause ended when the clock stopped.
        var relevantPauses = stoppedAt is { } stopped ? EndedBy(pauses, stopped) : pauses;
        return new(kind, id, cycle.Number, start, target, calendar.Name,
            ActiveTime.Reach(calendar, relevantPauses, start, target * warningShare),
            ActiveTime.Reach(calendar, relevantPauses, start, target),
            stoppedAt,
            stoppedAt is null ? null : stoppedBy ?? nameof(Events.TicketResolved),
            stoppedAt is { } stop ? ActiveTime.Between(calendar, pauses, start, stop) : null);
    }

    private static IReadOnlyList<PauseInterval> EndedBy(IReadOnlyList<PauseInterval> pauses, Instant stop) =>
        pauses.Any(p => p.End is null && p.Start < stop)
            ? [.. pauses.Where(p => p.Start < stop).Select(p => p.End is null ? p with { End = stop } : p)]
            : pauses;
}
