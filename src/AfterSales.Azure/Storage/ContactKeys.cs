using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The one place a phone number or email address becomes a table key: HMAC-SHA256 of the normalised value keyed with
/// <c>Storage__KeyHashSecret</c>, as 64 lower-case hex digits. The same number always gives the same key, so a
/// partition per number still works, but a key read from the table (a backup, an export, a log of requests) tells
/// nothing without the secret, and numbers cannot be listed by trying them without it either.
/// </summary>
public sealed class ContactKeys
{
    private readonly byte[] secret;

    public ContactKeys(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        this.secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The key of an E.164 number (<c>+8613812345678</c>): surrounding white space does not change it.</summary>
    public string Phone(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        return Hash("phone|" + e164.Trim());
    }

    /// <summary>The key of an email address: case and surrounding white space do not change it.</summary>
    public string Email(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Hash("email|" + address.Trim().ToLowerInvariant());
    }

    /// <summary>The key of a helpdesk customer id (the three-strikes index): the id exactly as sent.</summary>
    public string Customer(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return Hash("customer|" + customerId);
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a key written before numbers were hashed: the escaped number itself
    /// (<c>%2B8613812345678</c>). A hashed key is hex digits only, so it never starts with <c>%2B</c>.
    /// </summary>
    public static bool IsLegacyPhoneKey(string key) => key.StartsWith("%2B", StringComparison.Ordinal);

    private string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(value)));
}
