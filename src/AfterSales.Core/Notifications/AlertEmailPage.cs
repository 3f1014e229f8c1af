using System.Net;

namespace AfterSales.Core.Notifications;

/// <summary>The HTML of a short alert email to a manager: the subject in red bold, then each paragraph of the text.</summary>
internal static class AlertEmailPage
{
    public static string Html(string subject, string text) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>"
        + $"<body style=\"font-family:Arial,sans-serif;font-size:14px;color:#111827;\"><p style=\"font-weight:bold;color:#b91c1c;\">{WebUtility.HtmlEncode(subject)}</p>"
        + string.Join("", text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")) + "</body></html>";
}
