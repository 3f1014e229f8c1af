using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>How long personal data kept only to send a message, and the webhook replay guard, are kept.</summary>
/// <param name="MessageBodies">
/// After this long (from when the step was produced) a finished text's body, number and email are purged from its
/// outbox row; its outcome (status, times, provider id, reason) stays.
/// </param>
/// <param name="ProcessedMessages">After this long a processed inbound MessageSid is forgotten.</param>
public sealed record RetentionSettings(Duration MessageBodies, Duration ProcessedMessages)
{
    /// <summary>The shortest retention accepted: a day, so a text still being sent or retried keeps its body.</summary>
    public static readonly Duration Minimum = Duration.FromDays(1);
}
