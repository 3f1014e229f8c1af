using System.Text.RegularExpressions;
using AfterSales.Core.Settings;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Reads the <c>Storage</c> section: <c>ConnectionString</c> or <c>TableServiceUri</c> (exactly one),
/// <c>TablePrefix</c> and <c>KeyHashSecret</c> (required). Reports every bad key at once in environment-variable form, like the other settings.
/// Never quotes a connection string or the secret.
/// </summary>
public static partial class StorageSettingsLoader
{
    /// <summary>The longest prefix that still leaves room for <c>RejectedEvents</c> in a 63-character table name.</summary>
    private const int MaxPrefixLength = 63 - 14;

    /// <summary>Every setting of the section; any other key under <c>Storage</c> is an error.</summary>
    public static readonly IReadOnlyList<string> Known = ["ConnectionString", "TableServiceUri", "TablePrefix", "KeyHashSecret"];

    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static StorageSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        var connectionKey = section.GetSection("ConnectionString");
        var uriKey = section.GetSection("TableServiceUri");
        var prefixKey = section.GetSection("TablePrefix");
        var secretKey = section.GetSection("KeyHashSecret");
        var errors = new List<SettingsError>();
        foreach (var child in section.GetChildren().Where(c => !Known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            errors.Add(Error(child, $"unknown setting (known here: {string.Join(", ", Known)})"));

        var connectionString = ValueOf(connectionKey);
        var uriText = ValueOf(uriKey);
        var prefix = ValueOf(prefixKey) ?? StorageSettings.DefaultTablePrefix;

        if (connectionString is null && uriText is null)
        {
            errors.Add(Error(connectionKey,
                $"not set: set {EnvName(connectionKey)} (a storage connection string) or {EnvName(uriKey)} (https://<account>.table.core.windows.net, reached with managed identity)"));
        }
        else if (connectionString is not null && uriText is not null)
        {
            errors.Add(Error(uriKey, $"set together with {EnvName(connectionKey)}: set only one of them"));
        }
        else if (connectionString is not null && !IsConnectionString(connectionString))
        {
            errors.Add(Error(connectionKey, "is not a storage connection string (expected AccountName=…;AccountKey=…;TableEndpoint=… or UseDevelopmentStorage=true)"));
        }

        Uri? uri = null;
        if (uriText is not null && (!Uri.TryCreate(uriText, UriKind.Absolute, out uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(Error(uriKey, $"'{uriText}' is not an absolute http(s) URI (such as https://myaccount.table.core.windows.net)"));
            uri = null;
        }

        if (!PrefixPattern().IsMatch(prefix))
        {
            errors.Add(Error(prefixKey, $"'{prefix}' is not a table prefix: use a letter then letters or digits, at most {MaxPrefixLength} characters"));
        }

        var secret = ValueOf(secretKey);
        if (secret is null)
        {
            errors.Add(Error(secretKey,
                $"is required but missing or empty (the key of the hashes that stand for phone numbers in table keys, at least {StorageSettings.MinimumKeyHashSecretLength} random characters; keep it in Key Vault and never change it)"));
        }
        else if (secret.Length < StorageSettings.MinimumKeyHashSecretLength)
        {
            errors.Add(Error(secretKey, $"is too short: at least {StorageSettings.MinimumKeyHashSecretLength} characters (use a random string)"));
        }

        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new StorageSettings(connectionString, uri, prefix, secret!);
    }

    private static string? ValueOf(IConfigurationSection key) => string.IsNullOrWhiteSpace(key.Value) ? null : key.Value.Trim();

    private static string EnvName(IConfigurationSection key) => key.Path.Replace(":", "__", StringComparison.Ordinal);

    private static SettingsError Error(IConfigurationSection key, string message) => new(EnvName(key), message);

    private static bool IsConnectionString(string value)
    {
        try
        {
            _ = new TableServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,48}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
