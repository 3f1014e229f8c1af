using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>A text a customer sent us, once its signature was checked.</summary>
/// <param name="From">The sender's number as the provider gave it (E.164).</param>
/// <param name="ProviderId">The provider's message id (Twilio's MessageSid), for idempotent handling.</param>
public sealed record InboundText(string From, string Body, Instant ReceivedAt, string? ProviderId);

/// <summary>What an inbound text did.</summary>
public enum InboundOutcome
{
    /// <summary>The number no longer gets texts.</summary>
    OptedOut,

    /// <summary>The number gets texts again.</summary>
    OptedIn,

    /// <summary>A newer STOP or START was recorded already: nothing changed.</summary>
    Superseded,

    /// <summary>A 1–5 reply, recorded against the customer's latest open survey.</summary>
    Rated,

    /// <summary>A 1–5 reply with no open survey for this number: kept for a person to read, nothing recorded.</summary>
    RatingWithoutSurvey,

    /// <summary>Not a command: kept for a person to read.</summary>
    NotACommand,

    /// <summary>The sender's number is not a valid phone number.</summary>
    InvalidSender,

    /// <summary>The provider's message id was processed before: a replayed or redelivered webhook changes nothing.</summary>
    AlreadyProcessed,
}

/// <param name="Rating">For <see cref="InboundOutcome.Rated"/>, what was recorded and what follows.</param>
public sealed record InboundResult(InboundOutcome Outcome, RatingRecorded? Rating = null);
