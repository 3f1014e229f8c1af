using AfterSales.Core.Email;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Notifications;

/// <summary>The manager's alert for a 1–2 survey rating (<see cref="Texts.RatingFollowUps"/>): which ticket, which customer, what rating.</summary>
public static class RatingAlertEmail
{
    /// <exception cref="InvalidOperationException">The step has no recipient address.</exception>
    public static EmailMessage Compose(TicketHistory history, EscalationStep step, string locale, Instant now)
    {
        ArgumentNullException.ThrowIfNull(step);
        var to = step.Recipient ?? throw new InvalidOperationException($"No address for role {step.Role}: set Escalation__Teams__Default__{step.Role}.");
        var facts = new TicketFacts(history, now);
        var customer = facts.Opened?.Customer.Name ?? "?";
        var summary = facts.Opened?.Summary ?? "";
        var (rating, comment) = Read(step.Expectation);
        var english = locale == "en";
        var subject = english
            ? $"[AfterSales] #{step.TicketId} rated {rating}/5 by {customer}: please call back within the hour"
            : $"[AfterSales] #{step.TicketId} 客户{customer}评分 {rating}/5，请一小时内回访";
        var text = english
            ? $"{customer} rated ticket {step.TicketId} ({summary}) {rating} out of 5. Please call the customer back within the hour and find out what went wrong."
            : $"客户{customer}对工单 {step.TicketId}（{summary}）的服务评分为 {rating}/5。请在一小时内回访客户，了解问题所在。";
        var said = comment is null ? null : english ? $"The customer wrote: \u201c{comment}\u201d" : $"客户留言：\u201c{comment}\u201d";
        if (said is not null) text += "\n\n" + said;
        return new EmailMessage(to, subject, AlertEmailPage.Html(subject, text), text, step.TicketId, step.Key);
    }

    /// <summary>The alert step carries the rating, then the customer's comment (if any) after a line break.</summary>
    public static string Expectation(int rating, string? comment) =>
        rating.ToString(System.Globalization.CultureInfo.InvariantCulture) + (comment is null ? "" : "\n" + comment);

    private static (string Rating, string? Comment) Read(string expectation)
    {
        var lineBreak = expectation.IndexOf('\n', StringComparison.Ordinal);
        return lineBreak < 0 ? (expectation, null) : (expectation[..lineBreak], expectation[(lineBreak + 1)..]);
    }
}
