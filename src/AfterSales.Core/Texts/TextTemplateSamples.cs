using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// Long but realistic values for every placeholder, per locale: a template that does not fit two segments with
/// them is a settings error (the limits on names in <see cref="TextPlaceholders"/> keep real texts within them).
/// </summary>
public static class TextTemplateSamples
{
    public const string LongTicketNumber = "INC-2026-0001234567";

    public static IReadOnlyDictionary<string, string> For(string locale, string surveyLinkBase, SurveyTokens tokens)
    {
        var chinese = locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var visit = new LocalDateTime(2026, 12, 28, 14, 30);
        var expiry = Instant.FromUtc(2099, 12, 31, 23, 59, 59);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TextPlaceholders.CustomerName] = chinese ? "欧阳司马诸葛慕容上官皇甫东方夏侯长孙宇文" : "Maximilian-Alexander Konstantinopoulos",
            [TextPlaceholders.TicketNumber] = LongTicketNumber,
            [TextPlaceholders.RespondBy] = TextTemplates.FormatLocal(visit, locale),
            [TextPlaceholders.VisitAt] = TextTemplates.FormatLocal(visit, locale),
            [TextPlaceholders.Technician] = chinese ? "司马诸葛慕容上官皇甫" : "Bartholomew Christodoulou",
            [TextPlaceholders.SurveyLink] = surveyLinkBase + tokens.Issue(LongTicketNumber, 12, expiry),
            [TextPlaceholders.Installation] = chinese ? "中央空调机组SN-8843-2201-XK" : "air handling unit SN-8843-2201-XK",
        };
    }
}
