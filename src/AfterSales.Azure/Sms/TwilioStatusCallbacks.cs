using System.Web;
using AfterSales.Core.Notifications;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Azure.Sms;

/// <summary>
/// Twilio's delivery status callbacks: checks the request is Twilio's (<see cref="TwilioWebhookCheck"/>) over the exact
/// callback URL each text was sent with (<see cref="TwilioStatusCallbackUrl"/>, whose query names the outbox row), reads
/// <c>MessageSid</c>, <c>MessageStatus</c> and <c>ErrorCode</c>, and applies the report once (<see cref="TextDeliveryReports"/>).
/// Twilio's <c>delivered</c> is delivered; <c>undelivered</c> and <c>failed</c> are undelivered; the rest (queued,
/// sending, sent, accepted…) are on their way and change nothing.
/// </summary>
public sealed class TwilioStatusCallbacks(TwilioWebhookCheck check, TextDeliveryReports reports)
{
    /// <param name="url">The full URL as Twilio called it, query string included (behind a proxy: the public URL).</param>
    public async Task<(TextDeliveryOutcome? Outcome, InboundRefusal? Refusal)> HandleAsync(
        string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature, string? signatureSettings, Instant receivedAt,
        CancellationToken cancellationToken)
    {
        if (check.Refusal(url, form, signature, signatureSettings) is { } refusal) return (null, refusal);

        string? Field(string name) => form.FirstOrDefault(p => p.Key == name).Value is { Length: > 0 } value ? value : null;
        var query = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? HttpUtility.ParseQueryString(uri.Query) : [];
        if (query[TwilioStatusCallbackUrl.TicketParameter] is not { Length: > 0 } ticketId || query[TwilioStatusCallbackUrl.StepParameter] is not { Length: > 0 } stepKey)
            return (null, new InboundRefusal(400, $"the callback URL names no text (no {TwilioStatusCallbackUrl.TicketParameter} or {TwilioStatusCallbackUrl.StepParameter} in its query)"));
        if ((Field("MessageSid") ?? Field("SmsSid")) is not { } messageSid || (Field("MessageStatus") ?? Field("SmsStatus")) is not { } status)
            return (null, new InboundRefusal(400, "the form has no MessageSid or no MessageStatus"));

        var errorCode = Field("ErrorCode");
        var report = new TextDeliveryReport(
            new TextReference(ticketId, stepKey), messageSid, StateOf(status), errorCode, TwilioErrorCodes.Classify(errorCode), receivedAt);
        return (await reports.ApplyAsync(report, cancellationToken).ConfigureAwait(false), null);
    }

    public static TextDeliveryState StateOf(string messageStatus) => messageStatus.ToLowerInvariant() switch
    {
        "delivered" => TextDeliveryState.Delivered,
        "undelivered" or "failed" => TextDeliveryState.Undelivered,
        _ => TextDeliveryState.OnItsWay,
    };
}
