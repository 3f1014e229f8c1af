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
}

/// <param name="Field">JSON path of the offending field (e.g. <c>customer.phone</c>), or <c>$</c> for the whole payload.</param>
public sealed record EventRejection(RejectionReason Reason, string Field, string Message)
{
    public override string ToString() => $"{Reason} at '{Field}': {Message}";
}
