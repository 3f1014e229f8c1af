using System.Globalization;
using System.Net;
using System.Text;

namespace AfterSales.Core.Reports;

/// <summary>
/// Lays a report out as HTML every mail client renders alike: nested tables, inline styles, no images, no scripts,
/// a 600 px column. The bars are table cells whose width is the value's share, so they need no image or CSS support.
/// </summary>
public static class ReportHtml
{
    private const string Font = "font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif;";
    private static readonly string[] BarColours = ["#2563eb", "#93c5fd", "#60a5fa", "#bfdbfe"];

    public static string Write(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var html = Email.EmailHtml.OpenPage(content.Locale, content.Subject);
        Row(html, "background:#1e3a8a;color:#ffffff;padding:12px 24px;font-size:14px;font-weight:bold;letter-spacing:0.3px;", E(content.Banner));
        Row(html, "padding:20px 24px 4px;font-size:22px;line-height:1.3;font-weight:bold;color:#111827;", E(content.Title));
        Row(html, "padding:0 24px 12px;font-size:15px;line-height:1.5;color:#374151;", E(content.Summary));
        foreach (var table in content.Tables) Table(html, table);
        Row(html, "padding:12px 24px;background:#f9fafb;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280;", E(content.Footer));
        html.Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        Row(html, "padding:16px 24px 6px;font-size:12px;font-weight:bold;color:#6b7280;text-transform:uppercase;letter-spacing:0.5px;", E(table.Title));
        if (table.Rows.Count > 0)
        {
            html.Append("<tr><td style=\"padding:0 24px 8px;\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"font-size:14px;line-height:1.4;\">");
            html.Append("<tr><td style=\"padding:4px 8px 4px 0;color:#9ca3af;font-size:12px;\"></td>");
            foreach (var column in table.Columns)
                html.Append($"<td align=\"right\" style=\"padding:4px 0 4px 8px;color:#9ca3af;font-size:12px;white-space:nowrap;\">{E(column)}</td>");
            html.Append("<td style=\"padding:4px 0 4px 12px;width:150px;\"></td></tr>");
            foreach (var row in table.Rows)
            {
                html.Append($"<tr><td valign=\"top\" style=\"padding:6px 8px 6px 0;color:#374151;border-bottom:1px solid #f3f4f6;\">{E(row.Label)}</td>");
                for (var i = 0; i < row.Values.Count; i++)
                {
                    var weight = i == 0 ? "font-weight:bold;color:#111827;" : "color:#6b7280;";
                    html.Append($"<td valign=\"top\" align=\"right\" style=\"padding:6px 0 6px 8px;white-space:nowrap;border-bottom:1px solid #f3f4f6;{weight}\">{E(row.Values[i])}</td>");
                }

                html.Append("<td valign=\"middle\" style=\"padding:6px 0 6px 12px;width:150px;border-bottom:1px solid #f3f4f6;\">");
                for (var i = 0; i < row.Bars.Count; i++) Bar(html, row.Bars[i], BarColours[i % BarColours.Length]);
                html.Append("</td></tr>");
            }

            html.Append("</table></td></tr>");
        }

        foreach (var line in table.Lines) Row(html, "padding:2px 24px;font-size:14px;color:#374151;", "• " + E(line));
    }

    /// <summary>One bar: a cell as wide as the share, then the rest; a zero share is an empty track.</summary>
    private static void Bar(StringBuilder html, double share, string colour)
    {
        var percent = (int)Math.Round(Math.Clamp(share, 0, 1) * 100, MidpointRounding.AwayFromZero);
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:1px 0;\"><tr>");
        if (percent > 0)
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<td width=\"{percent}%\" height=\"8\" style=\"background:{colour};height:8px;font-size:0;line-height:0;\">&nbsp;</td>"));
        if (percent < 100) html.Append("<td height=\"8\" style=\"background:#f3f4f6;height:8px;font-size:0;line-height:0;\">&nbsp;</td>");
        html.Append("</tr></table>");
    }

    private static void Row(StringBuilder html, string style, string encoded) => html.Append($"<tr><td style=\"{style}\">{encoded}</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
