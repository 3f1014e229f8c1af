using System.Text.Json.Nodes;
using AfterSales.Core.Application;

namespace AfterSales.Core.Http;

/// <summary>One rejected event as the admin API lists it, with the raw payload to fix it from.</summary>
internal static class RejectedEventJson
{
    public static JsonObject Write(RejectedEvent rejected) => new()
    {
        ["id"] = rejected.Id,
        ["receivedAt"] = JsonTime.Instant(rejected.ReceivedAt),
        ["source"] = rejected.Source,
        ["reason"] = rejected.Rejection.Reason.ToString(),
        ["field"] = rejected.Rejection.Field,
        ["message"] = rejected.Rejection.Message,
        ["replayedAt"] = JsonTime.Instant(rejected.ReplayedAt),
        ["payload"] = rejected.Payload,
        ["payloadTruncated"] = rejected.PayloadTruncated,
        ["payloadBytes"] = rejected.PayloadBytes,
        ["payloadSha256"] = rejected.PayloadSha256,
    };
}
