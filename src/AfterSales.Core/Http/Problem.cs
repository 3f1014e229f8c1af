using System.Text.Json.Nodes;

namespace AfterSales.Core.Http;

/// <summary>
/// RFC 7807 problem details. <see cref="Errors"/> maps each offending field (a JSON path such as
/// <c>customer.phone</c>, a query parameter, or <c>$</c> for the whole body) to what is wrong with it.
/// </summary>
/// <param name="Type">A URN from <see cref="ProblemTypes"/>, documented in docs/http.md.</param>
public sealed record Problem(string Type, string Title, int Status, string Detail)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>More members of the problem object (RFC 7807 extension members).</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>();

    public static Problem ForField(string type, string title, int status, string field, string message) =>
        new(type, title, status, $"{field}: {message}") { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type, ["title"] = Title, ["status"] = Status, ["detail"] = Detail };
        if (Errors.Count > 0)
        {
            var errors = new JsonObject();
            foreach (var (field, messages) in Errors) errors[field] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]);
            json["errors"] = errors;
        }
        foreach (var (name, value) in Extensions) json[name] = value;
        return json;
    }
}

/// <summary>The problem types of the HTTP API (docs/http.md lists each with its status).</summary>
public static class ProblemTypes
{
    public const string InvalidEvent = "urn:aftersales:problem:invalid-event";
    public const string ConflictingEvent = "urn:aftersales:problem:conflicting-event";
    public const string EventTooLarge = "urn:aftersales:problem:event-too-large";
    public const string TicketNotFound = "urn:aftersales:problem:ticket-not-found";
    public const string RejectedEventNotFound = "urn:aftersales:problem:rejected-event-not-found";
    public const string StillRejected = "urn:aftersales:problem:still-rejected";
    public const string InvalidQuery = "urn:aftersales:problem:invalid-query";
    public const string InvalidRevisitOutcome = "urn:aftersales:problem:invalid-revisit-outcome";
    public const string RevisitNotFound = "urn:aftersales:problem:revisit-not-found";
    public const string QuarantinedTicketNotFound = "urn:aftersales:problem:quarantined-ticket-not-found";
}
