namespace AfterSales.Core.Application;

/// <summary>
/// The life of an outbox row: <c>pending</c> (produced by the sweep) → <c>sending</c> (one dispatcher claimed the
/// attempt, conditionally on the row's version) → <c>sent</c> (provider message id) or <c>failed</c> (reason).
/// <c>sent</c> and <c>failed</c> are final; nothing ever moves a row back to <c>pending</c>. A customer text may also
/// end its attempt <c>held</c> (the contact budget or a busy provider: claimed again from <c>NextChanceAt</c>, or
/// never when that is empty) or <c>suppressed</c> (final: the number opted out, or the survey was answered already).
/// </summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Held = "held";
    public const string Suppressed = "suppressed";
}
