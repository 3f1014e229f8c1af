using AfterSales.Core.Notifications;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>One outbox row: the step, where it is in its life (<see cref="OutboxStatus"/>) and the attempt that took it there.</summary>
/// <param name="Attempts">Claims made on the row (one normally; a row is claimed only while pending).</param>
/// <param name="AttemptStartedAt">When the current or last attempt was recorded, before anything was sent.</param>
/// <param name="Requests">HTTP requests (tries) the sender made in the last attempt.</param>
/// <param name="ProviderMessageId">The sender's id of the sent message (SendGrid's X-Message-Id, or the .eml file name).</param>
/// <param name="FailureReason">Why the step failed (SendGrid's error text, a timeout, an attempt cut short by a crash).</param>
/// <param name="FailureReported">The failure summary to the duty manager listed this row.</param>
/// <param name="Version">The row version (ETag) a conditional update must match.</param>
public sealed record OutboxRecord(
    EscalationStep Step,
    Instant ProducedAt,
    string Status,
    int Attempts,
    Instant? AttemptStartedAt,
    int Requests,
    string? ProviderMessageId,
    string? FailureReason,
    Instant? CompletedAt,
    bool FailureReported,
    string Version)
{
    /// <summary>For a customer text (channel <c>sms</c>): what to send to whom. Its <see cref="Step"/> describes the row (key, ticket, kind as level, role <c>Customer</c>, masked number).</summary>
    public CustomerText? Text { get; init; }

    /// <summary>For a <c>held</c> row: when it may be claimed again; null when never.</summary>
    public Instant? NextChanceAt { get; init; }

    public NotificationChannel Channel => Text is null ? NotificationChannel.Email : NotificationChannel.Sms;
}
