using System.Text.Json.Nodes;
using AfterSales.Core.Application;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;

namespace AfterSales.Core.Http;

/// <summary>
/// The escalation steps of a ticket: every step of the current cycle the engine plans (produced or still ahead),
/// then every step produced earlier that is no longer planned (earlier cycles, re-planned clocks), each with the
/// outbox status when the outbox has its row. Recipients' addresses are left out: the role says who.
/// </summary>
internal static class StepsJson
{
    public static JsonArray Write(TicketAssessment assessment, TicketHistory history, IReadOnlyDictionary<string, StepStatus> statuses)
    {
        var steps = new JsonArray();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in assessment.Planned.OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            planned.Add(step.Key);
            var json = new JsonObject
            {
                ["key"] = step.Key,
                ["cycle"] = step.Cycle,
                ["level"] = step.Level,
                ["role"] = step.Role,
                ["clockId"] = step.ClockId,
                ["dueAt"] = JsonTime.Instant(step.DueAt),
                ["produced"] = history.ProducedSteps.Contains(step.Key),
            };
            if (SlaEngine.IsSupersededAt(step, step.DueAt))
                json["notSent"] = "superseded: the deadline passed before the warning was due, the breach tells instead";
            AddStatus(json, statuses, step.Key);
            steps.Add(json);
        }

        foreach (var key in history.ProducedSteps.Where(k => !planned.Contains(k) && !Texts.CustomerTextKeys.IsText(k)).Order(StringComparer.Ordinal))
        {
            var json = new JsonObject { ["key"] = key, ["produced"] = true };
            AddStatus(json, statuses, key);
            steps.Add(json);
        }
        return steps;
    }

    private static void AddStatus(JsonObject json, IReadOnlyDictionary<string, StepStatus> statuses, string key)
    {
        if (!statuses.TryGetValue(key, out var status)) return;
        json["status"] = status.Status;
        json["producedAt"] = JsonTime.Instant(status.ProducedAt);
        json["statusUpdatedAt"] = JsonTime.Instant(status.UpdatedAt);
    }
}
