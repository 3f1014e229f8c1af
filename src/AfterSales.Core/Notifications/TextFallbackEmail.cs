using System.Net;
using AfterSales.Core.Email;
using AfterSales.Core.Texts;

namespace AfterSales.Core.Notifications;

/// <summary>A text that could not go to the customer's phone, as an email to the customer: the same words, in their locale.</summary>
public static class TextFallbackEmail
{
    public static EmailMessage Compose(CustomerText text, string to)
    {
        ArgumentNullException.ThrowIfNull(text);
        var subject = text.Locale == "en" ? $"About your service request {text.TicketId}" : $"关于您的服务工单 {text.TicketId}";
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>"
            + $"<body style=\"font-family:Arial,sans-serif;font-size:15px;color:#111827;\"><p>{WebUtility.HtmlEncode(text.Text.Body)}</p></body></html>";
        return new EmailMessage(to, subject, html, text.Text.Body, text.TicketId, text.Key);
    }
}
