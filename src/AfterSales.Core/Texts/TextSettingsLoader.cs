using System.Diagnostics.CodeAnalysis;
using System.Text;
using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Texts;

/// <summary>
/// Reads and validates the <c>Texts</c> section. <c>SurveySigningKey</c> and <c>SurveyLinkBase</c> have no
/// default: a deployment sets them. Every template is parsed and rendered with long sample values; one with an
/// unknown placeholder, or longer than two SMS segments, is an error naming its key.
/// </summary>
public static class TextSettingsLoader
{
    private const string Templates = "Templates";
    private const int MinimumKeyLength = 32;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>Every setting of the section (<c>Templates</c> holds one per locale and kind); any other key is an error.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "CustomerTimeZone", "QuietHours", "HolidayCalendar", "NonUrgentPerDay", "SurveyEvery", "SurveyDelay",
        "SurveyReminderAfter", "AppointmentDayBeforeLead", "AppointmentSoonReminder", "AppointmentSoonBefore",
        "DefaultLocale", Templates, "SurveySigningKey", "SurveyTokenLifetime", "SurveyLinkBase", "CompanyName",
        "GiveUpAfter",
    ];

    /// <param name="settings">The loaded core settings: <c>Texts:HolidayCalendar</c> names one of their calendars.</param>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static TextSettings Load(IConfiguration configuration, AfterSalesSettings settings) =>
        Load(configuration, settings.Calendars);

    /// <param name="calendars">The valid calendars (<see cref="SettingsLoader.ValidCalendars"/>), so that this section is checked even when another is wrong.</param>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static TextSettings Load(IConfiguration configuration, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        var errors = new SettingsErrors();
        var section = configuration.GetSection("Texts");
        var group = new SettingsGroup(section, errors, [.. Known]);

        var zoneId = group.Reference<string>("CustomerTimeZone", TimeZoneSetting.TryParse, required: true);
        var night = group.Value<(LocalTime, LocalTime)>("QuietHours", TryParseNight, required: true);
        var holidays = ReadHolidays(group, calendars, configuration.GetSection("Calendars"));
        var perDay = group.Value<int>("NonUrgentPerDay", IntegerSetting.TryParse, required: true);
        if (perDay < 0) group.Error("NonUrgentPerDay", $"'{perDay}' is negative: use 0 or more");
        var surveyEvery = group.Value<Duration>("SurveyEvery", DurationSetting.TryParse, required: true);
        var surveyDelay = group.Value<Duration>("SurveyDelay", DurationSetting.TryParse, required: true);
        var reminderAfter = group.Value<Duration>("SurveyReminderAfter", DurationSetting.TryParse, required: true);
        var dayBefore = group.Value<Duration>("AppointmentDayBeforeLead", DurationSetting.TryParse, required: true);
        var soonOn = group.Value<bool>("AppointmentSoonReminder", BooleanSetting.TryParse) ?? false;
        var soonBefore = group.Value<Duration>("AppointmentSoonBefore", DurationSetting.TryParse, required: soonOn);
        var lifetime = group.Value<Duration>("SurveyTokenLifetime", DurationSetting.TryParse, required: true);
        if (lifetime is { } l && l <= Duration.Zero) group.Error("SurveyTokenLifetime", "must be longer than zero");
        var giveUpAfter = group.Value<Duration>("GiveUpAfter", DurationSetting.TryParse, required: false) ?? TextSettings.DefaultGiveUpAfter;
        if (giveUpAfter <= Duration.Zero) group.Error("GiveUpAfter", "must be longer than zero");
        var key = group.Reference<string>("SurveySigningKey", TryParseKey, required: true);
        var linkBase = group.Reference<string>("SurveyLinkBase", TryParseLinkBase, required: true);
        var defaultLocale = group.Reference<string>("DefaultLocale", TryParseLocale, required: true);
        var companyName = section["CompanyName"] is { } company && !string.IsNullOrWhiteSpace(company) ? company.Trim() : "AfterSales";

        // Templates are checked even without a link base or key, so that their bad keys are listed with the others;
        // only their length needs the real survey link.
        TextTemplates? templates = null;
        if (defaultLocale is not null)
        {
            var tokens = key is not null && linkBase is not null ? new SurveyTokens(Encoding.UTF8.GetBytes(key)) : null;
            templates = ReadTemplates(section.GetSection(Templates), defaultLocale, linkBase, tokens, errors);
        }

        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        var (quietFrom, quietUntil) = night!.Value;
        return new TextSettings(
            DateTimeZoneProviders.Tzdb[zoneId!],
            new QuietHours(quietFrom, quietUntil, holidays ?? new HashSet<LocalDate>()),
            perDay!.Value, surveyEvery!.Value, surveyDelay!.Value, reminderAfter!.Value, dayBefore!.Value,
            soonOn ? soonBefore : null, templates!, Encoding.UTF8.GetBytes(key!), lifetime!.Value, linkBase!)
        {
            CompanyName = companyName,
            GiveUpAfter = giveUpAfter,
        };
    }

    /// <summary>Layers <paramref name="overrides"/> over <see cref="SettingsDefaults.Values"/>, like <see cref="SettingsLoader.LoadWithDefaults"/>.</summary>
    public static TextSettings LoadWithDefaults(IConfiguration overrides, AfterSalesSettings settings) =>
        Load(SettingsLoader.WithDefaults(overrides), settings);

    private static HashSet<LocalDate>? ReadHolidays(
        SettingsGroup group, IReadOnlyDictionary<string, BusinessCalendar> calendars, IConfigurationSection configured)
    {
        var name = group.Text("HolidayCalendar");
        if (name is null) return [];
        if (!calendars.TryGetValue(name, out var calendar))
        {
            // A calendar that is configured but wrong is reported under its own keys.
            if (configured.GetSection(name).Exists()) return null;
            group.Error("HolidayCalendar", $"'{name}' is not a calendar (known: {string.Join(", ", calendars.Keys.Order(StringComparer.Ordinal))}; leave empty for no holidays)");
            return null;
        }

        var dates = new HashSet<LocalDate>();
        foreach (var range in calendar.Definition?.Holidays ?? [])
        {
            for (var date = range.First; date <= range.Last; date = date.PlusDays(1)) dates.Add(date);
        }

        return dates;
    }

    private static TextTemplates ReadTemplates(
        IConfigurationSection section, string defaultLocale, string? linkBase, SurveyTokens? tokens, SettingsErrors errors)
    {
        var byLocale = new Dictionary<string, IReadOnlyDictionary<TextKind, TextTemplate>>(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<(string, TextKind)>();
        foreach (var localeSection in SettingsGroup.Entries(section, errors))
        {
            if (!AppSettingName.IsValidSegment(localeSection.Key))
            {
                errors.Add(localeSection, AppSettingName.WhyInvalid(localeSection.Key, "locale in a setting name", LocaleKeys.KeyOf(localeSection.Key)));
                continue;
            }

            var locale = LocaleKeys.LocaleOf(localeSection.Key);
            if (locale is null)
            {
                errors.AddUnknown(localeSection, string.Join(", ", TextTemplates.Locales.Select(LocaleKeys.KeyOf)));
                continue;
            }

            var samples = linkBase is not null && tokens is not null ? TextTemplateSamples.For(locale, linkBase, tokens) : null;
            var templates = new Dictionary<TextKind, TextTemplate>();
            foreach (var entry in SettingsGroup.Entries(localeSection, errors))
            {
                if (!Enum.TryParse<TextKind>(entry.Key, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(entry.Key, out _))
                {
                    errors.AddUnknown(entry, string.Join(", ", Enum.GetNames<TextKind>()));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(entry.Value)) continue;
                if (!TextTemplate.TryParse(kind, entry.Value.Trim(), out var template, out var error))
                {
                    errors.Add(entry, error);
                    reported.Add((locale, kind));
                    continue;
                }

                var rendered = samples is null ? null : TextRendering.Render(template, samples);
                if (rendered is { FitsLimit: false })
                {
                    reported.Add((locale, kind));
                    errors.Add(entry, $"is too long: with long values it renders to {rendered.Size.Units} {rendered.Size.Encoding} units, {rendered.Size.Segments} SMS segments (at most {RenderedText.MaxSegments}): \"{rendered.Body}\"");
                    continue;
                }

                templates[kind] = template;
            }

            byLocale[locale] = templates;
        }

        var defaults = byLocale.GetValueOrDefault(defaultLocale) ?? new Dictionary<TextKind, TextTemplate>();
        foreach (var kind in Enum.GetValues<TextKind>().Where(k => !defaults.ContainsKey(k) && !reported.Contains((defaultLocale, k))))
        {
            errors.Add(section.GetSection(LocaleKeys.KeyOf(defaultLocale)).GetSection(kind.ToString()), $"is required: the default locale {defaultLocale} needs a template for every kind of text");
        }

        return new TextTemplates(defaultLocale, byLocale);
    }

    private static bool TryParseNight(string text, out (LocalTime, LocalTime) value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && Time.Parse(parts[0]) is { Success: true } from && Time.Parse(parts[1]) is { Success: true } until)
        {
            value = (from.Value, until.Value);
            error = null;
            return true;
        }

        error = $"'{text}' is not a span of quiet hours (use hh:mm-hh:mm such as 21:00-08:00; a span may cross midnight, 00:00-00:00 means none)";
        return false;
    }

    private static bool TryParseKey(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (text.Length < MinimumKeyLength)
        {
            // Never quote a secret.
            error = $"is too short: a signing key has at least {MinimumKeyLength} characters (use a random string)";
            return false;
        }

        value = text;
        error = null;
        return true;
    }

    private static bool TryParseLinkBase(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        // The token is appended: a query may only end in an empty parameter that the token fills (…/api/survey?token=).
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || (!string.IsNullOrEmpty(uri.Query) && !text.EndsWith('=')) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = $"'{text}' is not an absolute http(s) URL the token can be appended to (such as https://cs.example.cn/s/, or http://localhost:7071/api/survey?token= whose query ends in '=')";
            return false;
        }

        value = text;
        error = null;
        return true;
    }

    private static bool TryParseLocale(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = TextTemplates.Locales.FirstOrDefault(l => l.Equals(text, StringComparison.OrdinalIgnoreCase));
        error = value is null ? $"'{text}' is not a supported locale (supported: {string.Join(", ", TextTemplates.Locales)})" : null;
        return value is not null;
    }
}
