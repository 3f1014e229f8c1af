using System.Globalization;
using System.Net;
using System.Text;
using AfterSales.Core.Email;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>
/// The revisit team's email of the day: one line per call (customer, masked phone, installation, which revisit; a
/// revisit of a day the app was down also says the day it was due).
/// Phones are masked (SPEC: no full numbers in emails or logs); the team looks the number up in the CRM by customer id.
/// </summary>
public static class RevisitCallListEmail
{
    /// <summary>The email's <see cref="EmailMessage.TicketId"/>: a call list belongs to no ticket.</summary>
    public const string TicketId = "revisits";

    public static EmailMessage Compose(LocalDate date, IReadOnlyList<RevisitCall> calls, string to, string locale)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var zh = locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var day = RevisitKeys.Day(date);
        var ordered = calls.OrderBy(c => c.CustomerName, StringComparer.Ordinal).ThenBy(c => c.InstallationId, StringComparer.Ordinal).ToList();
        var subject = zh ? $"今日回访 {day}：{ordered.Count} 个电话" : $"Revisits {day}: {ordered.Count} call{(ordered.Count == 1 ? "" : "s")} today";
        var header = zh ? ["客户", "电话", "安装编号", "第几次回访"] : new[] { "Customer", "Phone", "Installation", "Revisit" };

        var text = new StringBuilder().AppendLine(subject).AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{E(locale)}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>")
            .Append("<body style=\"font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;\">")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px;\">{E(subject)}</h1>")
            .Append("<table cellpadding=\"6\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;\"><tr>");
        foreach (var h in header) html.Append(CultureInfo.InvariantCulture, $"<th align=\"left\">{E(h)}</th>");
        html.Append("</tr>");

        foreach (var call in ordered)
        {
            var number = call.Date == date ? Number(call.Number, zh) : $"{Number(call.Number, zh)} {CaughtUp(call.Date, zh)}";
            string[] cells = [$"{call.CustomerName} ({call.CustomerId})", CustomerPhones.Mask(call.Phone), call.InstallationId, number];
            text.AppendLine(string.Join(" | ", cells));
            html.Append("<tr>");
            foreach (var cell in cells) html.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
            html.Append("</tr>");
        }

        var footer = zh
            ? "请在回访后记录结果（已联系、无人接听、发现问题）；发现问题时请新建工单。"
            : "Record each outcome after the call (reached, no answer, problem found); open a new ticket for a problem found.";
        text.AppendLine().AppendLine(footer);
        html.Append(CultureInfo.InvariantCulture, $"</table><p>{E(footer)}</p></body></html>");
        return new EmailMessage(to, subject, html.ToString(), text.ToString(), TicketId, RevisitKeys.CallList(date));
    }

    private static string Number(int number, bool zh) =>
        zh ? $"第 {number.ToString(CultureInfo.InvariantCulture)} 次" : $"#{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A revisit due on a day the app was down, caught up today.</summary>
    private static string CaughtUp(LocalDate due, bool zh) => zh ? $"（应于 {RevisitKeys.Day(due)}，补发）" : $"(due {RevisitKeys.Day(due)}, caught up)";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
