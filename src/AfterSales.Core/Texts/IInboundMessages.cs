using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// The inbound messages already processed, by the provider's message id (Twilio's MessageSid), so that a webhook
/// replayed byte for byte (a signed START two days later, a rating reply sent again) changes nothing.
/// </summary>
public interface IInboundMessages
{
    Task<bool> WasProcessedAsync(string providerId, CancellationToken cancellationToken);

    /// <summary>Recorded after the message was handled: a crash before that lets the provider's retry through (a STOP is never lost).</summary>
    Task RecordProcessedAsync(string providerId, Instant receivedAt, CancellationToken cancellationToken);
}
