namespace AfterSales.Azure.Storage;

/// <summary>Where AfterSales keeps its tables.</summary>
/// <param name="ConnectionString">A storage connection string (Azurite, or an account key); exclusive with <paramref name="TableServiceUri"/>.</param>
/// <param name="TableServiceUri">The account's table endpoint, reached with a token credential (managed identity in Azure).</param>
/// <param name="TablePrefix">Starts every table name (letters and digits), so that several deployments can share an account.</param>
/// <param name="KeyHashSecret">
/// Keys the HMAC that stands for a phone number in table keys (<see cref="ContactKeys"/>); a secret. Changing it
/// orphans every opt-out, survey and sent-text row: it is set once per deployment.
/// </param>
public sealed record StorageSettings(string? ConnectionString, Uri? TableServiceUri, string TablePrefix, string KeyHashSecret)
{
    /// <summary>The shortest <see cref="KeyHashSecret"/> accepted.</summary>
    public const int MinimumKeyHashSecretLength = 32;

    public const string DefaultTablePrefix = "AfterSales";
}
