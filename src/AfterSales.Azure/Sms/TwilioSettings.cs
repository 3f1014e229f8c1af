namespace AfterSales.Azure.Sms;

/// <summary>The Twilio account texts are sent from (the <c>Sms</c> section, see <see cref="TwilioSettingsLoader"/>).</summary>
/// <param name="From">An E.164 sender number; exclusive with <paramref name="MessagingServiceSid"/>.</param>
/// <param name="MessagingServiceSid">A Messaging Service (<c>MG…</c>) that picks the sender.</param>
/// <param name="StatusCallback">Where Twilio reports delivery (the <c>SmsStatus</c> function's public URL); null for none.</param>
/// <param name="Timeout">How long one attempt may take before the outcome is unknown.</param>
/// <param name="MaxRetries">Retries of a 429 or 5xx answer.</param>
/// <param name="RetryDelay">The first back-off when Twilio gives no Retry-After (doubling each time).</param>
/// <param name="MaxRetryAfter">A longer Retry-After is not waited for: the text is tried later instead.</param>
public sealed record TwilioSettings(
    string AccountSid,
    string AuthToken,
    string? From,
    string? MessagingServiceSid,
    Uri? StatusCallback,
    Uri ApiBase,
    TimeSpan Timeout,
    int MaxRetries,
    TimeSpan RetryDelay,
    TimeSpan MaxRetryAfter)
{
    /// <summary>The shared key of a Twilio webhook rule that signs with it instead of the auth token (HMAC-SHA256); null for none.</summary>
    public string? WebhookSharedKey { get; init; }

    public static readonly Uri DefaultApiBase = new("https://api.twilio.com/");

    /// <summary>Never prints the auth token.</summary>
    public override string ToString() => $"Twilio account {AccountSid}, from {From ?? MessagingServiceSid}";
}
