using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>The key a customer's rows are stored under: a SHA-256 of the helpdesk's customer id, never the id itself.</summary>
public static class CustomerKeys
{
    public static string For(string customerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("aftersales/customer/" + customerId)))[..32];
}
