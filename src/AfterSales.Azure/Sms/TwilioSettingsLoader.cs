using System.Text.RegularExpressions;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Azure.Sms;

/// <summary>
/// Reads the <c>Sms</c> section: <c>AccountSid</c>, <c>AuthToken</c>, <c>From</c> or <c>MessagingServiceSid</c>
/// (exactly one), optional <c>StatusCallback</c>, <c>WebhookSharedKey</c>, <c>ApiBase</c>, <c>Timeout</c>, <c>MaxRetries</c>,
/// <c>RetryDelay</c>, <c>MaxRetryAfter</c>. Reports every bad key at once; never quotes the auth token.
/// </summary>
public static partial class TwilioSettingsLoader
{
    /// <summary>Every setting of the section; any other key under <c>Sms</c> is an error.</summary>
    public static readonly IReadOnlyList<string> Known =
        ["AccountSid", "AuthToken", "From", "MessagingServiceSid", "StatusCallback", "WebhookSharedKey", "ApiBase", "Timeout", "MaxRetries", "RetryDelay", "MaxRetryAfter"];

    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static TwilioSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sms");
        var errors = new List<SettingsError>();
        foreach (var child in section.GetChildren().Where(c => !Known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            errors.Add(Error(child, $"unknown setting (known here: {string.Join(", ", Known)})"));

        var accountSid = Value(section, "AccountSid");
        if (accountSid is null) errors.Add(Error(section.GetSection("AccountSid"), "is required but missing or empty (the Twilio account sid, AC followed by 32 hex digits)"));
        else if (!AccountSidPattern().IsMatch(accountSid)) errors.Add(Error(section.GetSection("AccountSid"), $"'{accountSid}' is not a Twilio account sid (AC followed by 32 hex digits)"));

        var authToken = Value(section, "AuthToken");
        if (authToken is null) errors.Add(Error(section.GetSection("AuthToken"), "is required but missing or empty (the Twilio auth token; keep it in Key Vault)"));

        var from = Value(section, "From");
        var service = Value(section, "MessagingServiceSid");
        if (from is null && service is null)
            errors.Add(Error(section.GetSection("From"), "not set: set Sms__From (an E.164 sender number) or Sms__MessagingServiceSid (MG…)"));
        else if (from is not null && service is not null)
            errors.Add(Error(section.GetSection("MessagingServiceSid"), "set together with Sms__From: set only one of them"));
        if (from is not null && (!CustomerPhones.TryNormalise(from, null, out var e164, out _) || e164 != from))
            errors.Add(Error(section.GetSection("From"), $"'{from}' is not a sender number in E.164 (such as +8613800138000)"));
        if (service is not null && !ServiceSidPattern().IsMatch(service))
            errors.Add(Error(section.GetSection("MessagingServiceSid"), $"'{service}' is not a Messaging Service sid (MG followed by 32 hex digits)"));

        var callback = Url(section, "StatusCallback", errors);
        if (callback is not null && callback.Scheme != Uri.UriSchemeHttps)
            errors.Add(Error(section.GetSection("StatusCallback"), $"'{callback}' must be an https URL: Twilio posts delivery reports to it, signed over that exact URL"));
        var sharedKey = Value(section, "WebhookSharedKey");
        var apiBase = Url(section, "ApiBase", errors) ?? TwilioSettings.DefaultApiBase;
        var timeout = Time(section, "Timeout", Duration.FromSeconds(10), errors);
        var retryDelay = Time(section, "RetryDelay", Duration.FromSeconds(1), errors);
        var maxRetryAfter = Time(section, "MaxRetryAfter", Duration.FromSeconds(30), errors);
        var maxRetries = 3;
        if (Value(section, "MaxRetries") is { } retriesText
            && (!IntegerSetting.TryParse(retriesText, out maxRetries, out _) || maxRetries is < 0 or > 10))
        {
            errors.Add(Error(section.GetSection("MaxRetries"), $"'{retriesText}' is not a number of retries from 0 to 10"));
        }

        if (timeout <= TimeSpan.Zero) errors.Add(Error(section.GetSection("Timeout"), "must be longer than zero"));
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new TwilioSettings(accountSid!, authToken!, from, service, callback, apiBase, timeout, maxRetries, retryDelay, maxRetryAfter)
        {
            WebhookSharedKey = sharedKey,
        };
    }

    private static string? Value(IConfigurationSection section, string name) =>
        section[name] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static Uri? Url(IConfigurationSection section, string name, List<SettingsError> errors)
    {
        if (Value(section, name) is not { } text) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            return uri.AbsolutePath.EndsWith('/') || name != "ApiBase" ? uri : new Uri(uri.AbsoluteUri + "/");
        errors.Add(Error(section.GetSection(name), $"'{text}' is not an absolute http(s) URL"));
        return null;
    }

    private static TimeSpan Time(IConfigurationSection section, string name, Duration fallback, List<SettingsError> errors)
    {
        if (Value(section, name) is not { } text) return fallback.ToTimeSpan();
        if (DurationSetting.TryParse(text, out var value, out var error)) return value.ToTimeSpan();
        errors.Add(Error(section.GetSection(name), error));
        return fallback.ToTimeSpan();
    }

    private static SettingsError Error(IConfigurationSection key, string message) => new(key.Path.Replace(":", "__", StringComparison.Ordinal), message);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceSidPattern();
}
