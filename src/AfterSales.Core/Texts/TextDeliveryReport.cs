using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>Where a text is on its way to the handset, as the provider reports it.</summary>
public enum TextDeliveryState
{
    /// <summary>Queued, sending, sent to the carrier: not final, nothing to record.</summary>
    OnItsWay,

    /// <summary>The carrier confirmed delivery to the handset.</summary>
    Delivered,

    /// <summary>The carrier or the provider gave up (Twilio <c>undelivered</c> or <c>failed</c>).</summary>
    Undelivered,
}

/// <summary>A provider's delivery report (a status callback) for one text, authenticated by the provider's adapter.</summary>
/// <param name="Reference">The outbox row the text is, as given to the provider when it was sent.</param>
/// <param name="ProviderMessageId">The provider's id of the message; must match the one recorded when it was sent.</param>
/// <param name="ErrorCode">The provider's error code for an undelivered text (Twilio 30003…), when it gave one.</param>
/// <param name="Problem">What the error means for the customer, classified by the provider's adapter.</param>
public sealed record TextDeliveryReport(
    TextReference Reference,
    string ProviderMessageId,
    TextDeliveryState State,
    string? ErrorCode,
    SmsProblem Problem,
    Instant ReceivedAt);

/// <summary>What a delivery report changed.</summary>
public enum TextDeliveryOutcome
{
    /// <summary>Not final yet (queued, sent to the carrier): nothing recorded.</summary>
    NotFinal,

    /// <summary>No sent text matches the reference and message id (unknown, or a report about an older attempt).</summary>
    NoSuchText,

    /// <summary>A final report was recorded already: a redelivered callback changes nothing.</summary>
    AlreadyApplied,

    Delivered,

    /// <summary>Undelivered, and the customer was emailed the same words instead.</summary>
    UndeliveredEmailedInstead,

    /// <summary>Undelivered because the customer blocked texts: recorded as an opt-out.</summary>
    UndeliveredOptedOut,

    /// <summary>Undelivered for a reason on our side: the duty manager was alerted.</summary>
    UndeliveredDutyManagerAlerted,

    /// <summary>Undelivered, and nothing else could be done (no email to fall back to, or an unknown error): the failure summary lists it.</summary>
    Undelivered,
}
