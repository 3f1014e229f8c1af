using System.Text.Json.Serialization;
using AfterSales.Core.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Functions.Http;

/// <summary>What became of a posted or replayed event: <c>applied</c>, <c>duplicate</c> or <c>deliveryRecorded</c>.</summary>
public sealed record IngestAnswer(
    string Outcome,
    string? EventId,
    string? TicketId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RejectedEventId = null)
{
    public static IngestAnswer From(IngestResult result, string? rejectedEventId = null) =>
        new(OutcomeName(result.Outcome), result.EventId, result.TicketId, rejectedEventId);

    public static string OutcomeName(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Applied => "applied",
        IngestOutcome.Duplicate => "duplicate",
        IngestOutcome.DeliveryRecorded => "deliveryRecorded",
        IngestOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The problem for a rejection: the field and message, its reason and the id it was kept under.</summary>
    public static ProblemHttpResult Rejection(string type, string title, int status, IngestResult result, string rejectedId) =>
        FieldProblem.Of(type, title, status, result.Rejection!.Field, result.Rejection.Message, new Dictionary<string, object?>
        {
            ["reason"] = result.Rejection.Reason.ToString(),
            ["rejectedEventId"] = rejectedId,
        });
}
