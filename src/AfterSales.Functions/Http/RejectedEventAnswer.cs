using AfterSales.Core.Application;

namespace AfterSales.Functions.Http;

/// <summary>
/// One rejected event as the admin API lists it, with the raw payload to fix it from (cut short for a body over the
/// size limit: <c>payloadTruncated</c>, with the whole body's length and SHA-256).
/// </summary>
public sealed record RejectedEventAnswer(
    string Id, string? ReceivedAt, string Source, string Reason, string Field, string Message, string? ReplayedAt, string Payload,
    bool PayloadTruncated, long? PayloadBytes, string? PayloadSha256)
{
    public static RejectedEventAnswer From(RejectedEvent rejected) => new(
        rejected.Id,
        JsonTime.Instant(rejected.ReceivedAt),
        rejected.Source,
        rejected.Rejection.Reason.ToString(),
        rejected.Rejection.Field,
        rejected.Rejection.Message,
        JsonTime.Instant(rejected.ReplayedAt),
        rejected.Payload,
        rejected.PayloadTruncated,
        rejected.PayloadBytes,
        rejected.PayloadSha256);
}

/// <summary>A page of rejected events, newest first; <c>next</c> is the cursor of the following page (null on the last).</summary>
public sealed record RejectedEventsPage(IReadOnlyList<RejectedEventAnswer> Items, string? Next);
