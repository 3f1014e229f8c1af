namespace AfterSales.Core.Application;

/// <summary>What a sender made of one message, after its own retries.</summary>
/// <param name="ProviderMessageId">Set when sent: SendGrid's X-Message-Id, or the pickup file name.</param>
/// <param name="Error">Set when failed: the provider's error text or what went wrong.</param>
/// <param name="Requests">Requests made (1 when the first one settled it).</param>
public sealed record SendResult(bool Sent, string? ProviderMessageId, string? Error, int Requests)
{
    public static SendResult Success(string providerMessageId, int requests) => new(true, providerMessageId, null, requests);

    public static SendResult Failure(string error, int requests) => new(false, null, error, requests);
}
