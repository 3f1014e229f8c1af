namespace AfterSales.Core.Application;

/// <summary>
/// The life of an outbox row: <c>pending</c> (produced by the sweep) → <c>sending</c> (one dispatcher claimed the
/// attempt, conditionally on the row's version) → <c>sent</c> (provider message id) or <c>failed</c> (reason).
/// <c>sent</c> and <c>failed</c> are final; nothing ever moves a row back to <c>pending</c>. A customer text may also
/// end its attempt <c>held</c> (the contact budget or a busy provider: claimed again from <c>NextChanceAt</c>, or
/// never when that is empty), <c>suppressed</c> (final: the number opted out, or the survey was answered already) or
/// <c>cancelled</c> (final: at send time the text no longer applied: the ticket was resolved or closed before a progress
/// text went out, or the appointment a reminder is about was cancelled or moved). A <c>sent</c> text moves on once more
/// when the provider reports its delivery: to <c>delivered</c>, or <c>undelivered</c> with the provider's error and
/// what was done about it (the email fallback, an opt-out recorded, the duty manager alerted). Both are final.
/// </summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Held = "held";
    public const string Suppressed = "suppressed";
    public const string Cancelled = "cancelled";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
}
