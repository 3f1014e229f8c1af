using AfterSales.Core.Email;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;

namespace AfterSales.Core.Notifications;

/// <summary>The duty manager's alert for a text the provider would not deliver for a reason on our side (<see cref="TextProblemAlerts"/>).</summary>
public static class TextProblemAlertEmail
{
    /// <summary>The step carries the text's kind, the masked number and the provider's reason, one per line: never the full number.</summary>
    public static string Expectation(CustomerText text, string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"{TextOutboxSteps.LevelOf(text.Kind)}\n{CustomerPhones.Mask(text.Phone)}\n{reason}";
    }

    /// <exception cref="InvalidOperationException">The step has no recipient address.</exception>
    public static EmailMessage Compose(EscalationStep step, string locale)
    {
        ArgumentNullException.ThrowIfNull(step);
        var to = step.Recipient ?? throw new InvalidOperationException($"No address for role {step.Role}: set Escalation__Teams__Default__{step.Role}.");
        var lines = step.Expectation.Split('\n', 3);
        var (kind, number, reason) = (lines[0], lines.Length > 1 ? lines[1] : "?", lines.Length > 2 ? lines[2] : "");
        var english = locale == "en";
        var subject = english
            ? $"[AfterSales] Texts are not reaching customers (ticket #{step.TicketId}, error {step.Level}): please check the SMS account"
            : $"[AfterSales] 短信无法送达客户（工单 #{step.TicketId}，错误 {step.Level}），请检查短信账户";
        var text = english
            ? $"The {kind} text of ticket {step.TicketId} to {number} was not delivered: {reason}\n\n"
              + "This is a problem on our side (the message content was filtered, or the SMS account may not text this country), so other customers are affected too. The customer was not emailed instead. Please check the Twilio account (Messaging geographic permissions, content) and contact the customer another way."
            : $"工单 {step.TicketId} 发给 {number} 的{kind}短信未能送达：{reason}\n\n"
              + "这是我方的问题（短信内容被运营商过滤，或短信账户未开通该国家/地区），其他客户也会受到影响。系统没有改用邮件通知该客户。请检查 Twilio 账户（短信地区权限、内容），并通过其他方式联系客户。";
        return new EmailMessage(to, subject, AlertEmailPage.Html(subject, text), text, step.TicketId, step.Key);
    }
}
