using AfterSales.Core.Application;
using AfterSales.Core.Calendars;
using AfterSales.Core.Reports;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace AfterSales.Functions.Http;

/// <summary>
/// GET /api/tickets/{id}/sla: the ticket's policy and phase, every clock of every cycle (deadline, time left or
/// overdue in working and calendar time), its pauses, and its escalation steps (planned, produced, and what the
/// outbox says became of them). 404 problem for a ticket AfterSales has never heard of.
/// </summary>
public sealed class TicketSlaEndpoint(
    AfterSalesSettings settings, SlaEngine engine, ITicketStore tickets, IStepStatuses stepStatuses, TimeProvider time)
{
    public async Task<Results<Ok<SlaStatusAnswer>, ProblemHttpResult>> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        var stored = await tickets.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return FieldProblem.Of(ProblemTypes.TicketNotFound, "No such ticket", 404, "id", $"no event was ever applied to ticket '{ticketId}'");

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var history = stored.Ticket.History;
        var assessment = engine.Assess(history, now);
        var facts = new TicketFacts(history, now);
        var policy = engine.PolicyFor(facts);
        var statuses = (await stepStatuses.ForTicketAsync(ticketId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.StepKey, StringComparer.Ordinal);

        return TypedResults.Ok(new SlaStatusAnswer(
            history.TicketId,
            JsonTime.Instant(now),
            assessment.Phase.ToString(),
            assessment.Policy,
            assessment.Priority,
            assessment.Cycle,
            JsonTime.Instant(assessment.NextDueAt),
            [.. assessment.Clocks.Select(c => Clock(c, CalendarNamed(c.Calendar, c), now))],
            [.. facts.Pauses(policy?.PauseOnHold ?? false).Select(p => new PauseAnswer(JsonTime.Instant(p.Start), JsonTime.Instant(p.End)))],
            Steps(assessment, history, statuses)));
    }

    private const string SupersededWarning = "superseded: the deadline passed before the warning was due, the breach tells instead";
    private const string CoveredByIncidentChain = "superseded: the major-incident report to the same role tells instead";

    private static ClockAnswer Clock(ClockRun clock, BusinessCalendar calendar, Instant now)
    {
        var outcome = clock.OutcomeAt(now);
        var stopped = clock.StoppedAt is { } s && s <= now;
        return new ClockAnswer(
            clock.ClockId,
            clock.Kind.ToString(),
            clock.Cycle,
            clock.Calendar,
            JsonTime.Duration(clock.Target),
            JsonTime.Instant(clock.Start),
            JsonTime.Instant(clock.WarningAt),
            JsonTime.Instant(clock.Deadline),
            stopped ? JsonTime.Instant(clock.StoppedAt) : null,
            stopped ? clock.StoppedBy : null,
            outcome.ToString().ToLowerInvariant(),
            outcome == ClockOutcome.Running ? Span(calendar, now, clock.Deadline!.Value) : null,
            outcome switch
            {
                ClockOutcome.Overdue => Span(calendar, clock.Deadline!.Value, now),
                ClockOutcome.Missed => Span(calendar, clock.Deadline!.Value, clock.StoppedAt!.Value),
                _ => null,
            },
            outcome == ClockOutcome.Met && clock.WorkingSlack is { } working && working >= Duration.Zero
                ? new SpanAnswer(JsonTime.Duration(working), clock.CalendarSlack is { } span && span >= Duration.Zero ? JsonTime.Duration(span) : null)
                : null);
    }

    private static SpanAnswer Span(BusinessCalendar calendar, Instant from, Instant to) =>
        new(JsonTime.Duration(calendar.WorkingTimeBetween(from, to)), JsonTime.Duration(to - from));

    /// <summary>Every step of the current cycle the engine plans, then every step produced earlier and no longer planned.</summary>
    private static List<StepAnswer> Steps(TicketAssessment assessment, TicketHistory history, Dictionary<string, StepStatus> statuses)
    {
        var steps = new List<StepAnswer>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in assessment.Planned.OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            planned.Add(step.Key);
            var notSent = SlaEngine.IsSupersededAt(step, step.DueAt) ? SupersededWarning
                : SlaEngine.IsCoveredByIncidentChain(step, assessment.Planned) ? CoveredByIncidentChain : null;
            steps.Add(WithStatus(new StepAnswer(step.Key, step.Cycle, step.Level, step.Role, step.ClockId, JsonTime.Instant(step.DueAt),
                history.ProducedSteps.Contains(step.Key), notSent, null, null, null), statuses));
        }

        foreach (var key in history.ProducedSteps.Where(k => !planned.Contains(k) && !CustomerTextKeys.IsText(k) && !TallyKeys.IsTicketFact(k)).Order(StringComparer.Ordinal))
            steps.Add(WithStatus(new StepAnswer(key, null, null, null, null, null, true, null, null, null, null), statuses));
        return steps;
    }

    private static StepAnswer WithStatus(StepAnswer step, Dictionary<string, StepStatus> statuses) =>
        statuses.TryGetValue(step.Key, out var status)
            ? step with { Status = status.Status, ProducedAt = JsonTime.Instant(status.ProducedAt), StatusUpdatedAt = JsonTime.Instant(status.UpdatedAt) }
            : step;

    private BusinessCalendar CalendarNamed(string name, ClockRun clock) =>
        settings.Calendars.TryGetValue(name, out var calendar) ? calendar
        : name == BusinessCalendar.TwentyFourSevenName ? BusinessCalendar.TwentyFourSeven()
        : throw new InvalidOperationException($"Clock {clock.ClockId} runs on calendar '{name}', which settings no longer define.");
}
