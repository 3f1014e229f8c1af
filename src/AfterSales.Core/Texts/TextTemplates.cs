using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Texts;

/// <summary>
/// The templates of every locale. <see cref="DefaultLocale"/> has one for every kind of text; another locale
/// may leave a kind out, which is then taken from the default locale.
/// </summary>
public sealed class TextTemplates(string defaultLocale, IReadOnlyDictionary<string, IReadOnlyDictionary<TextKind, TextTemplate>> byLocale)
{
    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "en"];

    public string DefaultLocale { get; } = defaultLocale;

    /// <summary>The supported locale closest to a customer's (<c>en-GB</c> → <c>en</c>, <c>zh</c> → <c>zh-CN</c>); the default locale otherwise.</summary>
    public string LocaleFor(string? customerLocale)
    {
        if (string.IsNullOrWhiteSpace(customerLocale)) return DefaultLocale;
        var exact = Locales.FirstOrDefault(l => l.Equals(customerLocale.Trim(), StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var language = customerLocale.Trim().Split('-', '_')[0];
        return Locales.FirstOrDefault(l => l.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase)) ?? DefaultLocale;
    }

    public TextTemplate For(TextKind kind, string locale) =>
        byLocale.TryGetValue(locale, out var templates) && templates.TryGetValue(kind, out var template)
            ? template
            : byLocale[DefaultLocale][kind];

    /// <summary>A local time as the locale writes it: <c>10月12日 14:30</c>, <c>12 Oct 14:30</c>.</summary>
    public static string FormatLocal(LocalDateTime local, string locale) =>
        (locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ChineseTime : EnglishTime).Format(local);

    public static string FormatLocal(Instant instant, DateTimeZone zone, string locale) => FormatLocal(instant.InZone(zone).LocalDateTime, locale);

    private static readonly LocalDateTimePattern ChineseTime = LocalDateTimePattern.CreateWithInvariantCulture("M'月'd'日 'HH':'mm");
    private static readonly LocalDateTimePattern EnglishTime = LocalDateTimePattern.CreateWithInvariantCulture("d MMM HH':'mm");
}
