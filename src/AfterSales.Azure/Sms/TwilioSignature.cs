using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Azure.Sms;

/// <summary>The hash of a Twilio request signature: HMAC-SHA1 by default, HMAC-SHA256 where a webhook rule asks for it.</summary>
public enum TwilioSignatureAlgorithm { HmacSha1, HmacSha256 }

/// <summary>
/// Twilio's request signature (<c>X-Twilio-Signature</c>): an HMAC, keyed with the auth token (or a webhook rule's
/// shared key), of the full URL Twilio called (with its query string) followed by every POST parameter sorted by
/// name, each as name then value with no separators; base64. HMAC-SHA1 unless the request says otherwise (see
/// <see cref="TwilioWebhookCheck"/>). Compared in constant time.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string secret, string url, IEnumerable<KeyValuePair<string, string>> form, TwilioSignatureAlgorithm algorithm = TwilioSignatureAlgorithm.HmacSha1)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
            data.Append(name).Append(value);
        var key = Encoding.UTF8.GetBytes(secret);
        var bytes = Encoding.UTF8.GetBytes(data.ToString());
#pragma warning disable CA5350 // Twilio defines its default signature as HMAC-SHA1; we verify it, we do not choose it.
        return Convert.ToBase64String(algorithm == TwilioSignatureAlgorithm.HmacSha256 ? HMACSHA256.HashData(key, bytes) : HMACSHA1.HashData(key, bytes));
#pragma warning restore CA5350
    }

    /// <summary>
    /// False for a missing, empty or wrong signature. As Twilio's own validators do, the URL is tried as given and with
    /// its default port written out or left out (<c>https://host/path</c> and <c>https://host:443/path</c>): Twilio may
    /// sign either form, and a webhook refused for it would drop every STOP.
    /// </summary>
    public static bool IsValid(
        string secret, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature,
        TwilioSignatureAlgorithm algorithm = TwilioSignatureAlgorithm.HmacSha1)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        var fields = form.ToList();
        var valid = false;
        foreach (var variant in PortVariants(url))
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, variant, fields, algorithm)), given);
        return valid;
    }

    /// <summary>The URL as given, and the same with its scheme's default port added or removed.</summary>
    public static IEnumerable<string> PortVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) yield break;
        var authority = uri.GetLeftPart(UriPartial.Authority);
        var rest = url[authority.Length..];
        var explicitPort = $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        var noPort = $"{uri.Scheme}://{uri.Host}";
        if (!uri.IsDefaultPort) yield break;
        if (url.StartsWith(explicitPort, StringComparison.OrdinalIgnoreCase)) yield return noPort + url[explicitPort.Length..];
        else yield return explicitPort + rest;
    }
}
