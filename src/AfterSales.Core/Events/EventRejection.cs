namespace AfterSales.Core.Events;

/// <summary>Why an event could not be applied. Kept with the raw payload so an admin can list and replay it.</summary>
public enum RejectionReason
{
    BadJson,
    UnknownType,
    MissingField,
    InvalidValue,
    InvalidPhone,
    InvalidEmail,
    FutureTime,
    UnknownPriority,
    /// <summary>The same eventId was taken before by an event with other content.</summary>
    ConflictingDuplicate,
    /// <summary>A time further in the past than <c>Events__MaxPastAge</c>.</summary>
    PastTime,
    /// <summary>An id too long, or with characters a storage key cannot hold.</summary>
    InvalidId,
    /// <summary>A JSON object names the same property twice.</summary>
    DuplicateKey,
    /// <summary>The payload is not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>The payload is larger than an event may be; it is kept truncated, with its length and hash.</summary>
    TooLarge,
}

/// <param name="Field">JSON path of the offending field (e.g. <c>customer.phone</c>), or <c>$</c> for the whole payload.</param>
public sealed record EventRejection(RejectionReason Reason, string Field, string Message)
{
    public override string ToString() => $"{Reason} at '{Field}': {Message}";
}
