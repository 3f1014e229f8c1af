namespace AfterSales.Core.Texts;

/// <summary>Sends one text. Twilio today (<c>TwilioSmsSender</c>); Azure Communication Services could be another.</summary>
public interface ISmsSender
{
    /// <summary>Sends once, retrying only what the provider did not take (429, 5xx). Never throws for the provider's answers.</summary>
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <param name="To">E.164.</param>
/// <param name="StatusCallback">Where the provider reports delivery (queued, sent, delivered, failed); null for the sender's default.</param>
/// <param name="Reference">The outbox row the text is: the provider's delivery report names it, so the report finds its row.</param>
public sealed record SmsMessage(string To, string Body, Uri? StatusCallback = null, TextReference? Reference = null);

/// <summary>Which outbox row a text is: its ticket and step key.</summary>
public sealed record TextReference(string TicketId, string StepKey);

public enum SmsOutcome
{
    /// <summary>The provider took the text (<see cref="SmsSendResult.ProviderId"/>).</summary>
    Accepted,

    /// <summary>Refused for good (invalid number, carrier rejection, bad request): do not send again.</summary>
    Rejected,

    /// <summary>Not taken this time (429, 5xx after the retries, connection refused): nothing was sent, try again later.</summary>
    TryLater,

    /// <summary>No answer in time: the provider may or may not have taken the text, so it is not sent again automatically.</summary>
    Unknown,
}

/// <summary>What the provider answered.</summary>
/// <param name="ErrorCode">The provider's error code (Twilio: 21211…), when it gave one.</param>
/// <param name="Problem">For <see cref="SmsOutcome.Rejected"/>: what the provider's error means for the customer (<see cref="SmsProblem"/>).</param>
/// <param name="RetryAfter">For <see cref="SmsOutcome.TryLater"/>, the provider's Retry-After, when it gave one.</param>
public sealed record SmsSendResult(
    SmsOutcome Outcome,
    string? ProviderId = null,
    string? ProviderStatus = null,
    int? HttpStatus = null,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    string? MoreInfo = null,
    SmsProblem Problem = SmsProblem.Other,
    TimeSpan? RetryAfter = null)
{
    /// <summary>Rejected because the number cannot receive texts (invalid, landline, unreachable): email the customer instead.</summary>
    public bool FallbackToEmail => Problem == SmsProblem.NumberUnreachable;
}
