using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads the <c>Email</c> section. Never quotes the API key in an error.</summary>
internal static class EmailSettingsReader
{
    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "en"];

    private const string PickupFrom = "aftersales@localhost";

    public static EmailSettings Read(IConfigurationSection email, SettingsErrors errors)
    {
        var group = new SettingsGroup(email, errors,
            "Mode", "SendGrid", "From", "FromName", "PickupDirectory", "Locale", "TicketUrl",
            "SendTimeout", "MaxAttempts", "RetryDelay", "MaxRetryDelay", "FailureSummaryInterval", "GiveUpAfter");
        var sendGrid = new SettingsGroup(email.GetSection("SendGrid"), errors, "ApiKey");

        var mode = group.Value<EmailMode>("Mode", TryParseMode, required: true) ?? EmailMode.SendGrid;
        var sending = mode == EmailMode.SendGrid;
        var apiKey = sendGrid.Text("ApiKey", required: sending);
        var from = group.Reference<string>("From", EmailSetting.TryParse, required: sending);
        var fromName = group.Text("FromName") ?? "AfterSales";
        var pickup = group.Text("PickupDirectory", required: true) ?? "";
        var locale = group.Reference<string>("Locale", TryParseLocale, required: true) ?? Locales[0];
        var ticketUrl = group.Reference<string>("TicketUrl", TryParseTicketUrl, required: sending);
        var timeout = Positive(group, "SendTimeout", Duration.FromSeconds(30));
        var maxAttempts = group.Value<int>("MaxAttempts", IntegerSetting.TryParse, required: true) ?? 4;
        if (maxAttempts is < 1 or > 10) group.Error("MaxAttempts", $"'{maxAttempts}' is out of range: use 1 to 10");
        var retryDelay = Positive(group, "RetryDelay", Duration.FromSeconds(2));
        var maxRetryDelay = Positive(group, "MaxRetryDelay", Duration.FromMinutes(1));
        var summaryInterval = Positive(group, "FailureSummaryInterval", Duration.FromHours(1));

        var giveUpAfter = group.Value<Duration>("GiveUpAfter", DurationSetting.TryParse, required: false) ?? Duration.FromDays(1);
        if (giveUpAfter <= Duration.Zero) group.Error("GiveUpAfter", "must be longer than zero");

        return new EmailSettings(mode, apiKey, from ?? PickupFrom, fromName, pickup, locale, ticketUrl,
            timeout, maxAttempts, retryDelay, maxRetryDelay, summaryInterval) { GiveUpAfter = giveUpAfter > Duration.Zero ? giveUpAfter : Duration.FromDays(1) };
    }

    private static Duration Positive(SettingsGroup group, string name, Duration fallback)
    {
        var value = group.Value<Duration>(name, DurationSetting.TryParse, required: true);
        if (value is { } v && v <= Duration.Zero) group.Error(name, "must be longer than zero");
        return value is { } positive && positive > Duration.Zero ? positive : fallback;
    }

    private static bool TryParseMode(string text, out EmailMode value, [NotNullWhen(false)] out string? error) =>
        EnumSetting.TryParse(text, "mode", lowerCaseNames: false, out value, out error);

    private static bool TryParseLocale(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = Locales.FirstOrDefault(l => string.Equals(l, text.Trim(), StringComparison.OrdinalIgnoreCase));
        error = value is null ? $"'{text}' is not a supported email locale (use one of: {string.Join(", ", Locales)})" : null;
        return value is not null;
    }

    private static bool TryParseTicketUrl(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var trimmed = text.Trim();
        if (!trimmed.Contains(EmailSettings.TicketIdPlaceholder, StringComparison.Ordinal))
        {
            error = $"'{text}' has no {EmailSettings.TicketIdPlaceholder} (use a pattern such as https://helpdesk.example.com/tickets/{EmailSettings.TicketIdPlaceholder})";
            return false;
        }

        var sample = trimmed.Replace(EmailSettings.TicketIdPlaceholder, "T-1", StringComparison.Ordinal);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            error = $"'{text}' is not an absolute http(s) URL pattern";
            return false;
        }

        value = trimmed;
        error = null;
        return true;
    }
}
