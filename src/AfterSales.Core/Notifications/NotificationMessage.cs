using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Notifications;

/// <summary>
/// "This step was produced: send it." The queue message between the sweep and the dispatcher, whose JSON form is
/// the public contract in docs/messages.md (additive only). It names the outbox row; the row, not the message, holds
/// what to send and whether it was sent, so a message delivered twice sends nothing twice.
/// </summary>
public sealed record NotificationMessage(
    int SchemaVersion,
    NotificationChannel Channel,
    string StepKey,
    string TicketId,
    string Level,
    string Role,
    Instant DueAt,
    Instant ProducedAt)
{
    public const int CurrentSchemaVersion = 1;

    public static NotificationMessage For(EscalationStep step, Instant producedAt) =>
        new(CurrentSchemaVersion, NotificationChannel.Email, step.Key, step.TicketId, step.Level, step.Role, step.DueAt, producedAt);

    /// <summary>A customer text: level is its kind (<c>acknowledgement</c>, ...), role <c>Customer</c>, due when it may be sent.</summary>
    public static NotificationMessage For(CustomerText text, Instant producedAt) =>
        new(CurrentSchemaVersion, NotificationChannel.Sms, text.Key, text.TicketId, TextOutboxSteps.LevelOf(text.Kind), TextOutboxSteps.Role, text.SendAt, producedAt);
}
