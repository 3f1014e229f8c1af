namespace AfterSales.Functions.Http;

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
