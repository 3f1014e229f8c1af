using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>
/// The unkeyed customer key: a SHA-256 of the helpdesk's customer id. Deployed stores key customers with the keyed hash
/// of <c>Storage__KeyHashSecret</c> instead (a plain hash lets anyone who guesses an id find its row); this one keys the
/// simulation's in-memory rows, and names the rows written before the keyed hash, which the one-off migration moves.
/// </summary>
public static class CustomerKeys
{
    /// <summary>The length of an unkeyed key (the keyed one is 64 hex digits).</summary>
    public const int UnkeyedLength = 32;

    public static string For(string customerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("aftersales/customer/" + customerId)))[..UnkeyedLength];
}
