using AfterSales.Core.Calendars;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>Turns the escalation ladder and a cycle's clocks into the steps that cycle calls for.</summary>
public sealed class StepPlanner(IReadOnlyList<LadderLevel> ladder, RecipientDirectory recipients)
{
    private const string TicketClockId = "ticket";

    /// <param name="earlier">
    /// Steps an earlier layout of the same ticket planned: one that comes out the same in every field is taken from
    /// there instead of being made again (with its key), as most events change few of a ticket's steps.
    /// </param>
    public IEnumerable<EscalationStep> Plan(
        TicketFacts facts, TicketCycle cycle, string priority, BusinessCalendar calendar,
        IReadOnlyList<PauseInterval> pauses, IReadOnlyList<ClockRun> clocks, IReadOnlyList<EscalationStep>? earlier = null)
    {
        // Indexed loops, not LINQ or foreach over the interfaces: a simulation lays out every ticket at each of its events,
        // and the enumerators and closures over the level and the clock would be allocated at every one of them.
        BusinessCalendar? ageClock = null;
        for (var l = 0; l < ladder.Count; l++)
        {
            var level = ladder[l];
            if (!level.AppliesTo(priority)) continue;
            switch (level.Trigger)
            {
                case LadderTrigger.Opened:
                    yield return Step(facts, cycle, level, null, TicketClockId, cycle.Start, cycle.Start + level.After, null, calendar, calendarTimed: true, earlier);
                    break;
                case LadderTrigger.Unresolved:
                    ageClock ??= BusinessCalendar.TwentyFourSeven(calendar.Zone);
                    if (ActiveTime.Reach(ageClock, pauses, cycle.Start, level.After) is { } age)
                        yield return Step(facts, cycle, level, null, TicketClockId, age, age, null, calendar, calendarTimed: true, earlier);
                    break;
                case LadderTrigger.Warning or LadderTrigger.Breach:
                    for (var c = 0; c < clocks.Count; c++)
                    {
                        var clock = clocks[c];
                        if (!level.Watches(clock.Kind)) continue;
                        var point = level.Trigger == LadderTrigger.Warning ? clock.WarningAt : clock.Deadline;
                        if (point is not { } at || clock.StoppedAt <= at) continue;
                        if (level.UnlessAnswered && facts.AnsweredWithin(at, at + level.After)) continue;
                        var calendarTimed = level.After > Duration.Zero || clock.Kind == ClockKind.Commitment;
                        yield return Step(facts, cycle, level, clock.Kind, clock.ClockId, at, at + level.After, clock.Deadline, calendar, calendarTimed, earlier);
                    }
                    break;
            }
        }
    }

    private EscalationStep Step(
        TicketFacts facts, TicketCycle cycle, LadderLevel level, ClockKind? clock, string clockId,
        Instant triggeredAt, Instant dueAt, Instant? deadline, BusinessCalendar calendar, bool calendarTimed,
        IReadOnlyList<EscalationStep>? earlier)
    {
        // Steps timed in working time already fall in working hours; steps timed in calendar time wait for
        // the next opening on a business-hours policy, so nobody is woken for business-hours work.
        if (calendarTimed && !calendar.Is24x7) dueAt = calendar.NextWorkingInstant(dueAt);
        var team = facts.Opened?.Team ?? "";
        var recipient = recipients.Resolve(level.Role, team, facts.Owner);
        if (Earlier(earlier, facts.TicketId, cycle.Number, level.Name, clockId) is { } same
            && same.Trigger == level.Trigger && same.Clock == clock && same.Role == level.Role && same.Recipient == recipient
            && same.TriggeredAt == triggeredAt && same.DueAt == dueAt && same.Deadline == deadline && same.Expectation == level.Expectation)
        {
            return same;
        }

        return new EscalationStep(
            EscalationStep.KeyFor(facts.TicketId, clockId, level.Name, cycle.Number),
            facts.TicketId, cycle.Number, level.Name, level.Trigger, clock, clockId, level.Role,
            recipient, triggeredAt, dueAt, deadline, level.Expectation);
    }

    /// <summary>The earlier step with the same key (ticket, clock, level, cycle), compared without making the key.</summary>
    private static EscalationStep? Earlier(IReadOnlyList<EscalationStep>? earlier, string ticketId, int cycle, string level, string clockId)
    {
        if (earlier is null) return null;
        for (var i = 0; i < earlier.Count; i++)
        {
            var step = earlier[i];
            if (step.Cycle == cycle && step.ClockId == clockId && step.Level == level && step.TicketId == ticketId) return step;
        }
        return null;
    }
}
