using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>How escalation emails leave: through SendGrid, or as .eml files in a folder (local runs, simulate).</summary>
public enum EmailMode
{
    SendGrid,
    Pickup,
}

/// <summary>The <c>Email</c> section, bound and validated.</summary>
/// <param name="ApiKey">SendGrid API key; set whenever <see cref="Mode"/> is SendGrid. Never logged.</param>
/// <param name="TicketUrl">Link to a ticket, with <c>{ticketId}</c> where the id goes; null in Pickup mode when unset (no link).</param>
/// <param name="SendTimeout">How long one request to SendGrid may take before it counts as failed.</param>
/// <param name="MaxAttempts">Requests per email, the first one included, while SendGrid answers 429, 5xx or not at all.</param>
/// <param name="RetryDelay">Backoff before the second request, doubled for each further one, when SendGrid gives no Retry-After.</param>
/// <param name="MaxRetryDelay">The longest wait between two requests; a longer Retry-After ends the attempt as failed.</param>
/// <param name="FailureSummaryInterval">At most one failure summary to the duty manager per interval.</param>
public sealed record EmailSettings(
    EmailMode Mode,
    string? ApiKey,
    string From,
    string FromName,
    string PickupDirectory,
    string Locale,
    string? TicketUrl,
    Duration SendTimeout,
    int MaxAttempts,
    Duration RetryDelay,
    Duration MaxRetryDelay,
    Duration FailureSummaryInterval)
{
    public const string TicketIdPlaceholder = "{ticketId}";

    /// <summary>
    /// How long after a step was produced a transient send failure (SendGrid down, busy, unreachable) is still held
    /// and retried by the drain; past it the step fails for good.
    /// </summary>
    public Duration GiveUpAfter { get; init; } = Duration.FromDays(1);

    /// <summary>
    /// After this long, an attempt that recorded no outcome cannot still be running (every request and wait of it
    /// has timed out), so it was cut short by a crash: the dispatcher then resolves it instead of waiting.
    /// </summary>
    public Duration AttemptExpiry => (SendTimeout + MaxRetryDelay) * MaxAttempts + Duration.FromMinutes(1);

    /// <summary>The ticket's link, or null when no pattern is set.</summary>
    public Uri? TicketLink(string ticketId) =>
        TicketUrl is null ? null : new Uri(TicketUrl.Replace(TicketIdPlaceholder, Uri.EscapeDataString(ticketId), StringComparison.Ordinal));

    public override string ToString() => $"EmailSettings {{ Mode = {Mode}, From = {From}, Locale = {Locale} }}";
}
