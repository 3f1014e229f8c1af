using System.Text.Json.Nodes;
using AfterSales.Core.Calendars;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Http;

/// <summary>
/// One clock as the SLA status shows it: its deadline, state, and the time left (running), to spare (met) or by how
/// much it is or was late (overdue, missed), each in working time on the clock's calendar and in calendar time. A
/// first response that never came (resolved or closed without a reply) has the state <c>unanswered</c>.
/// </summary>
internal static class ClockJson
{
    public static JsonObject Write(ClockRun clock, BusinessCalendar calendar, Instant now)
    {
        var outcome = clock.OutcomeAt(now);
        var json = new JsonObject
        {
            ["clockId"] = clock.ClockId,
            ["kind"] = clock.Kind.ToString(),
            ["cycle"] = clock.Cycle,
            ["calendar"] = clock.Calendar,
            ["target"] = JsonTime.Duration(clock.Target),
            ["start"] = JsonTime.Instant(clock.Start),
            ["warningAt"] = JsonTime.Instant(clock.WarningAt),
            ["deadline"] = JsonTime.Instant(clock.Deadline),
            ["stoppedAt"] = JsonTime.Instant(clock.StoppedAt is { } s && s <= now ? s : null),
            ["stoppedBy"] = clock.StoppedAt is { } t && t <= now ? clock.StoppedBy : null,
            ["state"] = outcome.ToString().ToLowerInvariant(),
            ["timeLeft"] = outcome == ClockOutcome.Running ? Span(calendar, now, clock.Deadline!.Value) : null,
            ["overdueBy"] = outcome switch
            {
                ClockOutcome.Overdue => Span(calendar, clock.Deadline!.Value, now),
                ClockOutcome.Missed => Span(calendar, clock.Deadline!.Value, clock.StoppedAt!.Value),
                _ => null,
            },
            // Time a clock stopped in time had left, in working time (pauses excluded) and calendar time.
            ["spare"] = outcome == ClockOutcome.Met && clock.WorkingSlack is { } working && working >= Duration.Zero
                ? new JsonObject
                {
                    ["working"] = JsonTime.Duration(working),
                    ["calendar"] = clock.CalendarSlack is { } span && span >= Duration.Zero ? JsonTime.Duration(span) : null,
                }
                : null,
        };
        return json;
    }

    private static JsonObject Span(BusinessCalendar calendar, Instant from, Instant to) => new()
    {
        ["working"] = JsonTime.Duration(calendar.WorkingTimeBetween(from, to)),
        ["calendar"] = JsonTime.Duration(to - from),
    };
}
