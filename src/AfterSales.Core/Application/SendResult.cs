namespace AfterSales.Core.Application;

/// <summary>What a sender made of one message, after its own retries.</summary>
/// <param name="ProviderMessageId">Set when sent: SendGrid's X-Message-Id, or the pickup file name.</param>
/// <param name="Error">Set when failed: the provider's error text or what went wrong.</param>
/// <param name="Requests">Requests made (1 when the first one settled it).</param>
public sealed record SendResult(bool Sent, string? ProviderMessageId, string? Error, int Requests)
{
    public static SendResult Success(string providerMessageId, int requests) => new(true, providerMessageId, null, requests);

    public static SendResult Failure(string error, int requests) => new(false, null, error, requests);

    /// <summary>
    /// The provider could not be reached or was busy (5xx, 429, no answer in time, connection refused or dropped):
    /// not a verdict on the message, so the dispatcher holds it and tries again later instead of failing it.
    /// </summary>
    public bool Transient { get; init; }

    public static SendResult TransientFailure(string error, int requests) => new(false, null, error, requests) { Transient = true };
}
