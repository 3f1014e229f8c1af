using System.Net;
using System.Text;

namespace AfterSales.Core.Email;

/// <summary>
/// Lays an email out as HTML that common mail clients render alike: nested tables, inline styles only, no scripts,
/// no external images or fonts, a 600 px column. Every value is HTML-encoded.
/// </summary>
public static class EmailHtml
{
    private const string Font = "font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif;";

    /// <summary>The page every AfterSales email starts with: grey background, a 600 px white card (reports too).</summary>
    internal static StringBuilder OpenPage(string locale, string subject) =>
        new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{E(locale)}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(subject)}</title></head>")
            .Append($"<body style=\"margin:0;padding:0;background:#f3f4f6;{Font}\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Append($"<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:600px;max-width:100%;background:#ffffff;border:1px solid #e5e7eb;{Font}\">");

    public static string Write(EscalationEmailContent content)
    {
        var html = OpenPage(content.Locale, content.Subject);

        Row(html, $"background:{content.Accent};color:#ffffff;padding:12px 24px;font-size:14px;font-weight:bold;letter-spacing:0.3px;", E(content.Banner));
        Row(html, "padding:20px 24px 4px;font-size:22px;line-height:1.3;font-weight:bold;color:#111827;", E(content.Title));
        Row(html, "padding:0 24px 16px;font-size:15px;line-height:1.5;color:#374151;", E(content.Summary));

        if (content.Expectation.Length > 0)
        {
            html.Append("<tr><td style=\"padding:0 24px 16px;\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">")
                .Append("<tr><td style=\"background:#fef3c7;border-left:4px solid #d97706;padding:12px 16px;font-size:15px;line-height:1.5;color:#111827;\">")
                .Append($"<strong>{E(content.DoNowLabel)}</strong><br>{E(content.Expectation)}</td></tr></table></td></tr>");
        }

        html.Append("<tr><td style=\"padding:0 24px 8px;\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"font-size:14px;line-height:1.4;\">");
        foreach (var (label, value) in content.Facts)
        {
            html.Append($"<tr><td valign=\"top\" style=\"padding:6px 12px 6px 0;width:110px;color:#6b7280;border-bottom:1px solid #f3f4f6;\">{E(label)}</td>")
                .Append($"<td valign=\"top\" style=\"padding:6px 0;color:#111827;font-weight:bold;border-bottom:1px solid #f3f4f6;\">{E(value)}</td></tr>");
        }
        html.Append("</table></td></tr>");

        if (content.Link is { } link)
        {
            html.Append("<tr><td style=\"padding:12px 24px 20px;\">")
                .Append($"<a href=\"{E(link.AbsoluteUri)}\" style=\"display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 22px;font-size:15px;font-weight:bold;text-decoration:none;border-radius:4px;\">{E(content.LinkLabel)}</a>")
                .Append("</td></tr>");
        }

        Section(html, content.AlreadyToldLabel);
        foreach (var line in content.AlreadyTold) Row(html, "padding:2px 24px;font-size:14px;color:#374151;", "• " + E(line));

        Section(html, content.HistoryLabel);
        html.Append("<tr><td style=\"padding:0 24px 16px;\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"font-size:13px;line-height:1.4;\">");
        foreach (var (at, text) in content.History)
        {
            html.Append($"<tr><td valign=\"top\" style=\"padding:4px 12px 4px 0;width:90px;color:#6b7280;white-space:nowrap;\">{E(at)}</td>")
                .Append($"<td valign=\"top\" style=\"padding:4px 0;color:#374151;\">{E(text)}</td></tr>");
        }
        html.Append("</table></td></tr>");

        Row(html, "padding:12px 24px;background:#f9fafb;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280;", E(content.Footer));
        html.Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string style, string encoded) =>
        html.Append($"<tr><td style=\"{style}\">{encoded}</td></tr>");

    private static void Section(StringBuilder html, string label) =>
        Row(html, "padding:12px 24px 6px;font-size:12px;font-weight:bold;color:#6b7280;text-transform:uppercase;letter-spacing:0.5px;", E(label));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
