using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Azure.Sms;

/// <summary>Why an inbound webhook call was refused.</summary>
public sealed record InboundRefusal(int HttpStatus, string Reason);

/// <summary>
/// The SMS webhook: checks <c>X-Twilio-Signature</c> against the full URL Twilio called and the form it posted,
/// refuses anything unsigned or altered (403, nothing recorded), then hands From and Body to <see cref="InboundTexts"/>,
/// once per MessageSid: a replayed or redelivered webhook is answered as processed and changes nothing.
/// </summary>
public sealed class TwilioInbound(string authToken, InboundTexts texts, IInboundMessages processed)
{
    /// <param name="url">The full URL as Twilio called it, query string included (behind a proxy: the public URL).</param>
    public async Task<(InboundResult? Result, InboundRefusal? Refusal)> HandleAsync(
        string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature, Instant receivedAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signature)) return (null, new InboundRefusal(403, $"no {TwilioSignature.Header} header: not a Twilio request"));
        if (!TwilioSignature.IsValid(authToken, url, form, signature))
            return (null, new InboundRefusal(403, $"{TwilioSignature.Header} does not match the URL and form: altered or not from Twilio"));

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
