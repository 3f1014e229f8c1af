using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using CallOutcome = AfterSales.Core.Revisits.RevisitOutcome;

namespace AfterSales.Functions.Http;

/// <summary>
/// POST /api/revisits/{date}/{installationId}/outcome with <c>{"outcome": "reached" | "noAnswer" | "problemFound",
/// "note": "..."}</c>: records what the revisit team's call found. A problem found is flagged: the answer says a new
/// ticket should be opened. Recording again replaces the outcome (the team corrects a mistake). 400 problem for a bad
/// date, body or outcome; 404 for a revisit that was never produced. The first outcome of a revisit is counted in the
/// reports' running totals (on the revisit's day, under the default team).
/// </summary>
public sealed class RevisitOutcomesEndpoint(IRevisitCalls calls, TimeProvider time, ITallies? tallies = null, AfterSalesSettings? settings = null)
{
    public const int MaxNoteLength = 2000;

    private static readonly Dictionary<string, CallOutcome> Outcomes = new(StringComparer.Ordinal)
    {
        ["reached"] = CallOutcome.Reached,
        ["noAnswer"] = CallOutcome.NoAnswer,
        ["problemFound"] = CallOutcome.ProblemFound,
    };

    public async Task<Results<Ok<RevisitOutcomeAnswer>, ProblemHttpResult>> PostAsync(
        string date, string installationId, string body, CancellationToken cancellationToken)
    {
        var day = LocalDatePattern.Iso.Parse(date ?? "");
        if (!day.Success) return Invalid("date", $"'{date}' is not a date (use yyyy-MM-dd)");
        if (string.IsNullOrWhiteSpace(installationId)) return Invalid("installationId", "is required");
        if (AfterSales.Core.Events.ExternalIds.Problem(installationId) is { } idProblem) return Invalid("installationId", idProblem);
        if (Read(body, out var error) is not { } request) return Invalid(error!.Value.Field, error.Value.Message);

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var call = await calls.RecordOutcomeAsync(day.Value, installationId, request.Outcome, request.Note, now, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return FieldProblem.Of(ProblemTypes.RevisitNotFound, "No such revisit", 404, "installationId",
                $"no revisit of installation '{installationId}' was produced on {date}");
        }

        if (tallies is not null && settings is not null && call.Outcome is { } outcome)
            await tallies.AddAsync(ActivityTallies.RevisitOutcome(call.InstallationId, call.Date, outcome, settings.Escalation.DefaultTeam), cancellationToken).ConfigureAwait(false);

        return TypedResults.Ok(new RevisitOutcomeAnswer(
            call.InstallationId, RevisitKeys.Day(call.Date), call.Number, call.CustomerId, Outcomes.First(o => o.Value == call.Outcome).Key,
            call.OutcomeNote, JsonTime.Instant(call.OutcomeAt), call.Outcome == CallOutcome.ProblemFound));
    }

    private static (CallOutcome Outcome, string? Note)? Read(string body, out (string Field, string Message)? error)
    {
        error = null;
        JsonNode? json;
        try
        {
            // Two "outcome"s would otherwise throw on first access (or one would silently win): refuse them as bad JSON.
            json = JsonNode.Parse(body ?? "", documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (json is JsonObject parsed) _ = parsed.Count;
        }
        catch (JsonException e)
        {
            error = ("$", $"is not JSON with each property named once: {e.Message}");
            return null;
        }

        if (json is not JsonObject obj)
        {
            error = ("$", "must be a JSON object with an outcome");
            return null;
        }

        if (obj["outcome"] is not JsonValue value || !value.TryGetValue<string>(out var name) || !Outcomes.TryGetValue(name, out var outcome))
        {
            error = ("outcome", $"must be one of {string.Join(", ", Outcomes.Keys)}");
            return null;
        }

        string? note = null;
        if (obj["note"] is { } noteNode && (noteNode is not JsonValue noteValue || !noteValue.TryGetValue(out note) || note.Length > MaxNoteLength))
        {
            error = ("note", $"must be text of at most {MaxNoteLength} characters");
            return null;
        }

        return (outcome, note);
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        FieldProblem.Of(ProblemTypes.InvalidRevisitOutcome, "Invalid revisit outcome", 400, field, message);
}
