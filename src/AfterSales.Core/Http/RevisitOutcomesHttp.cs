using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Core.Revisits;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Http;

/// <summary>
/// POST /api/revisits/{date}/{installationId}/outcome with <c>{"outcome": "reached" | "noAnswer" | "problemFound",
/// "note": "..."}</c>: records what the revisit team's call found. A problem found is flagged: the answer says a new
/// ticket should be opened. Recording again replaces the outcome (the team corrects a mistake). 400 problem for a bad
/// date, body or outcome; 404 for a revisit that was never produced.
/// </summary>
public sealed class RevisitOutcomesHttp(IRevisitCalls calls, TimeProvider time)
{
    public const int MaxNoteLength = 2000;

    private static readonly Dictionary<string, RevisitOutcome> Outcomes = new(StringComparer.Ordinal)
    {
        ["reached"] = RevisitOutcome.Reached,
        ["noAnswer"] = RevisitOutcome.NoAnswer,
        ["problemFound"] = RevisitOutcome.ProblemFound,
    };

    public async Task<ApiResponse> PostAsync(string date, string installationId, string body, CancellationToken cancellationToken)
    {
        var day = LocalDatePattern.Iso.Parse(date ?? "");
        if (!day.Success) return Invalid("date", $"'{date}' is not a date (use yyyy-MM-dd)");
        if (string.IsNullOrWhiteSpace(installationId)) return Invalid("installationId", "is required");
        if (Events.ExternalIds.Problem(installationId) is { } idProblem) return Invalid("installationId", idProblem);
        if (Read(body, out var error) is not { } request) return Invalid(error!.Value.Field, error.Value.Message);

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var call = await calls.RecordOutcomeAsync(day.Value, installationId, request.Outcome, request.Note, now, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return ApiResponse.Problem(Problem.ForField(ProblemTypes.RevisitNotFound, "No such revisit", 404, "installationId",
                $"no revisit of installation '{installationId}' was produced on {date}"));
        }

        return ApiResponse.Json(200, new JsonObject
        {
            ["installationId"] = call.InstallationId,
            ["date"] = RevisitKeys.Day(call.Date),
            ["revisit"] = call.Number,
            ["customerId"] = call.CustomerId,
            ["outcome"] = Outcomes.First(o => o.Value == call.Outcome).Key,
            ["note"] = call.OutcomeNote,
            ["recordedAt"] = JsonTime.Instant(call.OutcomeAt),
            ["openTicket"] = call.Outcome == RevisitOutcome.ProblemFound,
        });
    }

    private static (RevisitOutcome Outcome, string? Note)? Read(string body, out (string Field, string Message)? error)
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
        if (obj["note"] is { } noteNode)
        {
            if (noteNode is not JsonValue noteValue || !noteValue.TryGetValue(out note) || note.Length > MaxNoteLength)
            {
                error = ("note", $"must be text of at most {MaxNoteLength} characters");
                return null;
            }
        }

        return (outcome, note);
    }

    private static ApiResponse Invalid(string field, string message) =>
        ApiResponse.Problem(Problem.ForField(ProblemTypes.InvalidRevisitOutcome, "Invalid revisit outcome", 400, field, message));
}
