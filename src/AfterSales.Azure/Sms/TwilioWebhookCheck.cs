namespace AfterSales.Azure.Sms;

/// <summary>Why an inbound webhook call was refused.</summary>
public sealed record InboundRefusal(int HttpStatus, string Reason);

/// <summary>
/// Decides whether a webhook call is Twilio's. Without <see cref="SettingsHeader"/>, the signature is HMAC-SHA1 with
/// the auth token. Where a Twilio webhook rule matches the URL, Twilio signs with the rule's shared key and algorithm
/// and says so in <c>X-Twilio-Webhooks-Signature-Settings: key=…,algorithm=HMAC_SHA256</c>: then the shared key
/// (<c>Sms__WebhookSharedKey</c>) and that algorithm check it. A request that names a shared key we were not given is
/// answered 500, naming the setting: it is our configuration that is missing, and Twilio tries again later.
/// </summary>
public sealed class TwilioWebhookCheck(string authToken, string? sharedKey)
{
    public const string SettingsHeader = "X-Twilio-Webhooks-Signature-Settings";

    /// <returns>Null when the request is Twilio's; otherwise why not.</returns>
    public InboundRefusal? Refusal(string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature, string? signatureSettings)
    {
        if (string.IsNullOrEmpty(signature)) return new InboundRefusal(403, $"no {TwilioSignature.Header} header: not a Twilio request");
        var (secret, algorithm) = (authToken, TwilioSignatureAlgorithm.HmacSha1);
        if (!string.IsNullOrWhiteSpace(signatureSettings))
        {
            if (AlgorithmOf(signatureSettings) is not { } named)
                return new InboundRefusal(403, $"{SettingsHeader} names an algorithm we do not check (only HMAC_SHA1 and HMAC_SHA256)");
            if (string.IsNullOrEmpty(sharedKey))
                return new InboundRefusal(500, $"the request is signed with a Twilio webhook rule's shared key, but Sms__WebhookSharedKey is not set");
            (secret, algorithm) = (sharedKey, named);
        }

        return TwilioSignature.IsValid(secret, url, form, signature, algorithm)
            ? null
            : new InboundRefusal(403, $"{TwilioSignature.Header} does not match the URL and form: altered or not from Twilio");
    }

    /// <summary>The <c>algorithm=</c> part of the settings header; null when it is missing or unknown.</summary>
    public static TwilioSignatureAlgorithm? AlgorithmOf(string signatureSettings)
    {
        ArgumentNullException.ThrowIfNull(signatureSettings);
        foreach (var part in signatureSettings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !part[..equals].Trim().Equals("algorithm", StringComparison.OrdinalIgnoreCase)) continue;
            return part[(equals + 1)..].Trim().ToUpperInvariant() switch
            {
                "HMAC_SHA256" => TwilioSignatureAlgorithm.HmacSha256,
                "HMAC_SHA1" => TwilioSignatureAlgorithm.HmacSha1,
                _ => null,
            };
        }

        return null;
    }
}
