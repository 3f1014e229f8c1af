namespace AfterSales.Core.Settings;

/// <summary>The settings that hold secrets, never printed as they are.</summary>
public static class SecretSettings
{
    public const string Masked = "********";

    private static readonly string[] Keys = ["Email:SendGrid:ApiKey", "Sms:AuthToken", "Texts:SurveySigningKey", "Storage:ConnectionString"];

    public static bool IsSecret(string key) =>
        Keys.Contains(key.Replace("__", ":", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase);

    /// <summary>The value as it may be printed: a secret is masked unless empty.</summary>
    public static string Printable(string key, string? value) =>
        string.IsNullOrEmpty(value) ? "" : IsSecret(key) ? Masked : value;
}
