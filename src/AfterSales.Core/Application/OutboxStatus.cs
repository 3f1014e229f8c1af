namespace AfterSales.Core.Application;

/// <summary>
/// The life of an outbox row: <c>pending</c> (produced by the sweep) → <c>sending</c> (one dispatcher claimed the
/// attempt, conditionally on the row's version) → <c>sent</c> (provider message id) or <c>failed</c> (reason).
/// <c>sent</c> and <c>failed</c> are final; nothing ever moves a row back to <c>pending</c>.
/// </summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
