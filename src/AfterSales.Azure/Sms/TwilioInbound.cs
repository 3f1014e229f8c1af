using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Azure.Sms;

/// <summary>
/// The SMS webhook: checks the request is Twilio's (<see cref="TwilioWebhookCheck"/>) against the full URL Twilio
/// called and the form it posted, refuses anything unsigned or altered (403, nothing recorded), then hands From and
/// Body to <see cref="InboundTexts"/>, once per MessageSid: a replayed or redelivered webhook is answered as processed
/// and changes nothing.
/// </summary>
public sealed class TwilioInbound(TwilioWebhookCheck check, InboundTexts texts, IInboundMessages processed)
{
    /// <param name="url">The full URL as Twilio called it, query string included (behind a proxy: the public URL).</param>
    /// <param name="signatureSettings">The <see cref="TwilioWebhookCheck.SettingsHeader"/> header, when Twilio sent one.</param>
    public async Task<(InboundResult? Result, InboundRefusal? Refusal)> HandleAsync(
        string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature, Instant receivedAt, CancellationToken cancellationToken,
        string? signatureSettings = null)
    {
        if (check.Refusal(url, form, signature, signatureSettings) is { } refusal) return (null, refusal);

        string? Field(string name) => form.FirstOrDefault(p => p.Key == name).Value;
        if (Field("From") is not { } from || Field("Body") is not { } body)
            return (null, new InboundRefusal(400, "the form has no From or no Body"));
        var messageSid = Field("MessageSid");
        if (!string.IsNullOrEmpty(messageSid) && await processed.WasProcessedAsync(messageSid, cancellationToken).ConfigureAwait(false))
            return (new InboundResult(InboundOutcome.AlreadyProcessed), null);
        var result = await texts.HandleAsync(new InboundText(from, body, receivedAt, messageSid), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(messageSid)) await processed.RecordProcessedAsync(messageSid, receivedAt, cancellationToken).ConfigureAwait(false);
        return (result, null);
    }
}
