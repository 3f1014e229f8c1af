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

    /// <param name="earlier">
    /// Clocks an earlier layout of the same ticket laid out: one that comes out the same in every field is taken from
    /// there instead of being made again, as most events change few of a ticket's clocks.
    /// </param>
    public IEnumerable<ClockRun> Plan(
        TicketFacts facts, TicketCycle cycle, SlaPolicy policy, BusinessCalendar calendar, IReadOnlyList<PauseInterval> pauses,
        IReadOnlyList<ClockRun>? earlier = null)
    {
        var responses = new List<Events.AgentResponded>();
        foreach (var response in facts.Responses)
            if (cycle.Contains(response.OccurredAt)) responses.Add(response);

        var firstResponseTarget = policy.FirstResponseInWorkingHours is { } inHours && calendar.IsWorkingTime(cycle.Start)
            ? inHours
            : policy.FirstResponse;
        var firstReply = responses.Count > 0 ? responses[0].OccurredAt : (Instant?)null;
        yield return Run(ClockKind.FirstResponse, FirstResponseId, cycle, cycle.Start, firstResponseTarget.On(calendar),
            calendar, pauses, firstReply ?? cycle.End, firstReply is null ? cycle.EndedBy : AgentReply, earlier);

        if (policy.Update is { } update)
        {
            for (var i = 0; i < responses.Count; i++)
            {
                var next = i + 1 < responses.Count ? responses[i + 1].OccurredAt : (Instant?)null;
                yield return Run(ClockKind.Update, $"update@{responses[i].EventId}", cycle, responses[i].OccurredAt, update.On(calendar),
                    calendar, pauses, next ?? cycle.End, next is null ? cycle.EndedBy : AgentReply, earlier);
            }
        }

        yield return Run(ClockKind.Resolution, ResolutionId, cycle, cycle.Start, policy.Resolution.On(calendar),
            calendar, pauses, cycle.End, cycle.EndedBy, earlier);

        if (facts.Commitments.Count == 0) yield break;
        // A promise names a wall-clock time, so it runs on calendar time in the policy's zone.
        var promiseClock = BusinessCalendar.TwentyFourSeven(calendar.Zone);
        foreach (var commitment in facts.Commitments)
        {
            if (!cycle.Contains(commitment.OccurredAt)) continue;
            Instant? reply = null;
            foreach (var response in responses)
            {
                if (response.OccurredAt <= commitment.OccurredAt) continue;
                reply = response.OccurredAt;
                break;
            }

            yield return Run(ClockKind.Commitment, $"commitment@{commitment.EventId}", cycle, commitment.OccurredAt,
                commitment.DueBy - commitment.OccurredAt, promiseClock, pauses, reply ?? cycle.End,
                reply is null ? cycle.EndedBy : AgentReply, earlier);
        }
    }

    private ClockRun Run(
        ClockKind kind, string id, TicketCycle cycle, Instant start, Duration target, BusinessCalendar calendar,
        IReadOnlyList<PauseInterval> pauses, Instant? stoppedAt, string? stoppedBy, IReadOnlyList<ClockRun>? earlier)
    {
        // A clock stopped while the ticket was paused (resolved while waiting for the customer) still had time
        // left: its deadline is where the time left would have run out had the pause ended when the clock stopped.
        var relevantPauses = stoppedAt is { } stopped ? EndedBy(pauses, stopped) : pauses;
        var warningAt = ActiveTime.Reach(calendar, relevantPauses, start, target * warningShare);
        var deadline = ActiveTime.Reach(calendar, relevantPauses, start, target);
        var stopReason = stoppedAt is null ? null : stoppedBy ?? nameof(Events.TicketResolved);
        Duration? activeTimeToStop = stoppedAt is { } stop ? ActiveTime.Between(calendar, pauses, start, stop) : null;
        if (Earlier(earlier, cycle.Number, id) is { } same
            && same.Kind == kind && same.Start == start && same.Target == target && same.Calendar == calendar.Name
            && same.WarningAt == warningAt && same.Deadline == deadline && same.StoppedAt == stoppedAt
            && same.StoppedBy == stopReason && same.ActiveTimeToStop == activeTimeToStop)
        {
            return same;
        }

        return new(kind, id, cycle.Number, start, target, calendar.Name, warningAt, deadline, stoppedAt, stopReason, activeTimeToStop);
    }

    private static ClockRun? Earlier(IReadOnlyList<ClockRun>? earlier, int cycle, string id)
    {
        if (earlier is null) return null;
        for (var i = 0; i < earlier.Count; i++)
            if (earlier[i].Cycle == cycle && earlier[i].ClockId == id) return earlier[i];
        return null;
    }

    private static IReadOnlyList<PauseInterval> EndedBy(IReadOnlyList<PauseInterval> pauses, Instant stop)
    {
        // Asked for every clock of every layout, and almost always with nothing to end: no closure, no copy then.
        var openBeforeStop = false;
        for (var i = 0; i < pauses.Count && !openBeforeStop; i++)
            openBeforeStop = pauses[i].End is null && pauses[i].Start < stop;
        if (!openBeforeStop) return pauses;

        var ended = new List<PauseInterval>(pauses.Count);
        for (var i = 0; i < pauses.Count; i++)
            if (pauses[i].Start < stop) ended.Add(pauses[i].End is null ? pauses[i] with { End = stop } : pauses[i]);
        return ended;
    }
}
