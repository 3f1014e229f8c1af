using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.ThreeStrikes;
using NodaTime;

namespace AfterSales.Core.Email;

/// <summary>The manager's three-strikes flag: which customer, how many tickets in how long, and each ticket listed.</summary>
public static class ThreeStrikesEmail
{
    /// <exception cref="InvalidOperationException">The step has no recipient address.</exception>
    /// <exception cref="InvalidDataException">The step carries no readable ticket listing.</exception>
    public static EmailMessage Compose(EscalationStep step, EmailSettings email, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(email);
        var to = step.Recipient ?? throw new InvalidOperationException($"No address for role {step.Role}: set Escalation__Teams__Default__{step.Role}.");
        var content = Content(step, email, zone);
        return new EmailMessage(to, content.Subject, EmailHtml.Write(content), EmailPlainText.Write(content), step.TicketId, step.Key);
    }

    public static EscalationEmailContent Content(EscalationStep step, EmailSettings email, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(email);
        var listing = StrikeListing.Read(step.Expectation);
        var texts = EmailTexts.For(email.Locale);
        var english = texts.Locale == "en";
        var count = listing.Tickets.Count;
        var days = (int)listing.Window.TotalDays;
        string Day(Instant at) => StrikeListing.Day(at, zone);
        var subject = english
            ? $"[Three strikes] {listing.CustomerName}: {count} tickets in {days} days — latest #{step.TicketId}"
            : $"[三次来电] 客户{listing.CustomerName}：{days} 天内 {count} 张工单 — 最新 #{step.TicketId}";
        var tickets = listing.Tickets.OrderByDescending(t => t.OpenedAt)
            .Select(t => (Day(t.OpenedAt), $"#{t.TicketId} · {Category(t.Category, english)} · {t.Summary}"))
            .ToList();
        return new EscalationEmailContent(
            texts.Locale, subject,
            english ? $"Three strikes · {texts.Role(step.Role)}" : $"三次来电 · {texts.Role(step.Role)}",
            "#7c2d12",
            english ? $"{listing.CustomerName} came back {count} times in {days} days" : $"客户{listing.CustomerName} {days} 天内第 {count} 次来电",
            english
                ? "A customer who comes back this often is a manager's matter: the same problem may not have been solved."
                : "多次来电的客户需由经理关注：同一问题可能没有真正解决。",
            texts.DoNow,
            english
                ? "Call the customer personally, find out what keeps going wrong, and make sure one person owns the solution."
                : "请亲自致电客户，了解问题反复出现的原因，并指定一人负责彻底解决。",
            [
                (texts.Customer, listing.CustomerName),
                (english ? "Tickets" : "工单数", english ? $"{count} in {days} days" : $"{days} 天内 {count} 张"),
                (english ? "Latest" : "最新工单", $"#{step.TicketId} ({Day(step.TriggeredAt)})"),
                (texts.Level, $"{step.Level} → {texts.Role(step.Role)}"),
            ],
            email.TicketLink(step.TicketId), texts.OpenTicket(step.TicketId),
            english ? "Flagged once per window" : "每个周期只提醒一次",
            [english
                ? $"This customer is not flagged again before {Day(step.TriggeredAt + listing.Window)}."
                : $"{Day(step.TriggeredAt + listing.Window)} 之前不会再次提醒该客户。"],
            english ? "The customer's tickets" : "客户的工单",
            tickets,
            texts.Footer(step.Key));
    }

    private static string Category(Events.TicketCategory category, bool english) => english
        ? category.ToString().ToLowerInvariant()
        : category switch
        {
            Events.TicketCategory.Repair => "维修",
            Events.TicketCategory.Installation => "安装",
            Events.TicketCategory.Complaint => "投诉",
            Events.TicketCategory.Return => "退货",
            _ => "咨询",
        };
}
