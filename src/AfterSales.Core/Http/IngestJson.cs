using System.Text.Json.Nodes;
using AfterSales.Core.Application;
using AfterSales.Core.Events;

namespace AfterSales.Core.Http;

/// <summary>The JSON forms of an ingestion result: the success body and the problem for a rejection.</summary>
internal static class IngestJson
{
    public static JsonObject Outcome(IngestResult result) => new()
    {
        ["outcome"] = OutcomeName(result.Outcome),
        ["eventId"] = result.EventId,
        ["ticketId"] = result.TicketId,
    };

    public static string OutcomeName(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Applied => "applied",
        IngestOutcome.Duplicate => "duplicate",
        IngestOutcome.DeliveryRecorded => "deliveryRecorded",
        IngestOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static Problem Rejection(string type, string title, int status, EventRejection rejection, string rejectedId) =>
        Problem.ForField(type, title, status, rejection.Field, rejection.Message) with
        {
            Extensions = new Dictionary<string, string>
            {
                ["reason"] = rejection.Reason.ToString(),
                ["rejectedEventId"] = rejectedId,
            },
        };
}
