using AfterSales.Azure.Storage;

namespace AfterSales.Azure.Tests.Support;

/// <summary>The <c>Storage</c> settings of a test's tables in Azurite.</summary>
internal static class TestStorage
{
    /// <summary><c>Storage__KeyHashSecret</c> of every test.</summary>
    public const string KeyHashSecret = "test-key-hash-secret-0123456789abcdef-0123";

    public static StorageSettings Settings(string connectionString, string prefix) => new(connectionString, null, prefix, KeyHashSecret);
}
