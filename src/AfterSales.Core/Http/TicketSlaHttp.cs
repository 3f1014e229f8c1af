using System.Text.Json.Nodes;
using AfterSales.Core.Application;
using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Http;

/// <summary>
/// GET /api/tickets/{id}/sla: the ticket's policy and phase, every clock of every cycle (deadline, time left or
/// overdue in working and calendar time), its pauses, and its escalation steps (planned, produced, and what the
/// outbox says became of them). 404 problem for a ticket AfterSales has never heard of.
/// </summary>
public sealed class TicketSlaHttp(
    AfterSalesSettings settings, SlaEngine engine, ITicketStore tickets, IStepStatuses stepStatuses, TimeProvider time)
{
    public async Task<ApiResponse> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        var stored = await tickets.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ApiResponse.Problem(Problem.ForField(ProblemTypes.TicketNotFound, "No such ticket", 404, "id",
                $"no event was ever applied to ticket '{ticketId}'"));
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var history = stored.Ticket.History;
        var assessment = engine.Assess(history, now);
        var facts = new TicketFacts(history, now);
        var policy = engine.PolicyFor(facts);
        var statuses = (await stepStatuses.ForTicketAsync(ticketId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.StepKey, StringComparer.Ordinal);

        return ApiResponse.Json(200, new JsonObject
        {
            ["ticketId"] = history.TicketId,
            ["asOf"] = JsonTime.Instant(now),
            ["phase"] = assessment.Phase.ToString(),
            ["policy"] = assessment.Policy,
            ["priority"] = assessment.Priority,
            ["cycle"] = assessment.Cycle,
            ["nextDueAt"] = JsonTime.Instant(assessment.NextDueAt),
            ["clocks"] = new JsonArray([.. assessment.Clocks.Select(c => ClockJson.Write(c, CalendarNamed(c.Calendar, c), now))]),
            ["pauses"] = new JsonArray([.. facts.Pauses(policy?.PauseOnHold ?? false).Select(Pause)]),
            ["steps"] = StepsJson.Write(assessment, history, statuses),
        });
    }

    private BusinessCalendar CalendarNamed(string name, ClockRun clock) =>
        settings.Calendars.TryGetValue(name, out var calendar) ? calendar
        : name == BusinessCalendar.TwentyFourSevenName ? BusinessCalendar.TwentyFourSeven()
        : throw new InvalidOperationException($"Clock {clock.ClockId} runs on calendar '{name}', which settings no longer define.");

    private static JsonObject Pause(PauseInterval pause) => new()
    {
        ["start"] = JsonTime.Instant(pause.Start),
        ["end"] = JsonTime.Instant(pause.End),
    };
}
