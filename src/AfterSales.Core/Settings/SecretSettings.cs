namespace AfterSales.Core.Settings;

/// <summary>The settings that hold secrets, never printed as they are.</summary>
public static class SecretSettings
{
    public const string Masked = "********";

    private static readonly string[] Keys = ["Email:SendGrid:ApiKey", "Sms:AuthToken", "Sms:WebhookSharedKey", "Texts:SurveySigningKey", "Storage:ConnectionString", "Storage:KeyHashSecret"];

    public static bool IsSecret(string key) =>
        Keys.Contains(key.Replace("__", ":", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// App Service passes a Key Vault reference it could not resolve through as its literal text, which anyone who
    /// knows the vault's name could rebuild: such a value is never a secret. Every secret key holding one is an error.
    /// </summary>
    public static IEnumerable<SettingsError> UnresolvedReferences(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Keys.Where(key => configuration[key]?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
            .Select(key => new SettingsError(key.Replace(":", "__", StringComparison.Ordinal),
                "is a Key Vault reference App Service could not resolve (it passes the reference text through): check the secret's name and that the app's identity may read it"));

    /// <summary>The value as it may be printed: a secret is masked unless empty.</summary>
    public static string Printable(string key, string? value) =>
        string.IsNullOrEmpty(value) ? "" : IsSecret(key) ? Masked : value;
}
