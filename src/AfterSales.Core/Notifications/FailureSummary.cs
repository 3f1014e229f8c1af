using System.Net;
using System.Text;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Tells the duty manager (of the default team) which escalation emails and which customer texts failed and why, at
/// most once per <see cref="EmailSettings.FailureSummaryInterval"/>. A customer text is listed when it ended
/// <c>failed</c>: refused for good with no email to fall back to (or the fallback failed too), outcome unknown, or given
/// up after <c>Texts__GiveUpAfter</c> of the SMS provider not taking it; or when the carrier reported it
/// <c>undelivered</c> and nothing could be done (an unknown error, no email to fall back to, the fallback failed); numbers are masked and the provider's words
/// are shown with any number or address in them masked. Failures not yet reported wait for the next summary; a summary
/// that could not be sent leaves them unreported, so they are listed again next time.
/// </summary>
public sealed class FailureSummary(IOutbox outbox, IFailureSummaryLog log, IEmailSender email, AfterSalesSettings settings, TimeProvider time)
{
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm'Z'");

    /// <returns>The number of failures reported (0 when there were none, or the interval has not passed).</returns>
    public async Task<int> SendIfDueAsync(CancellationToken cancellationToken)
    {
        var failed = new List<OutboxRecord>();
        foreach (var status in new[] { OutboxStatus.Failed, OutboxStatus.Undelivered })
        {
            await foreach (var row in outbox.ListByStatusAsync(status, cancellationToken).ConfigureAwait(false))
            {
                if (!row.FailureReported) failed.Add(row);
            }
        }
        if (failed.Count == 0) return 0;

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (!await log.TryClaimAsync(now, settings.Email.FailureSummaryInterval, cancellationToken).ConfigureAwait(false)) return 0;

        var to = settings.Escalation.AddressFor(settings.Escalation.DefaultTeam, EscalationRoles.DutyManager)
            ?? throw new InvalidOperationException("No duty manager address (settings validation requires one).");
        var result = await email.SendAsync(Compose(to, failed, now), cancellationToken).ConfigureAwait(false);
        if (!result.Sent) return 0;
        await outbox.MarkFailureReportedAsync(failed, cancellationToken).ConfigureAwait(false);
        return failed.Count;
    }

    private EmailMessage Compose(string to, List<OutboxRecord> failed, Instant now)
    {
        var english = settings.Email.Locale == "en";
        var emails = Ordered(failed.Where(f => f.Text is null));
        var texts = Ordered(failed.Where(f => f.Text is not null));
        var subject = (emails.Count, texts.Count, english) switch
        {
            (_, 0, true) => $"[AfterSales] {emails.Count} escalation email(s) failed",
            (0, _, true) => $"[AfterSales] {texts.Count} customer text(s) failed",
            (_, _, true) => $"[AfterSales] {emails.Count} escalation email(s) and {texts.Count} customer text(s) failed",
            (_, 0, false) => $"[AfterSales] {emails.Count} 封升级邮件发送失败",
            (0, _, false) => $"[AfterSales] {texts.Count} 条客户短信发送失败",
            _ => $"[AfterSales] {emails.Count} 封升级邮件、{texts.Count} 条客户短信发送失败",
        };

        var text = new StringBuilder();
        var html = new StringBuilder($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head><body style=\"margin:0;padding:24px;background:#f3f4f6;font-family:Arial,sans-serif;\">")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:600px;max-width:100%;background:#ffffff;border:1px solid #e5e7eb;\">")
            .Append($"<tr><td colspan=\"3\" style=\"background:#b91c1c;color:#ffffff;padding:12px 16px;font-weight:bold;\">{E(subject)}</td></tr>");
        if (emails.Count > 0)
        {
            Section(text, html, english
                ? "These escalation emails did not reach their recipients. Please make sure each person hears about the ticket."
                : "以下升级邮件未能送达收件人，请确保相关人员知悉这些工单。",
                emails.Select(row => Line(row, $"{row.Step.Level} → {row.Step.Role} {row.Step.Recipient}", row.FailureReason ?? "")));
        }
        if (texts.Count > 0)
        {
            Section(text, html, english
                ? "These texts did not reach the customer. Please contact the customer another way if the text mattered."
                : "以下短信未能送达客户，如内容重要，请通过其他方式联系客户。",
                texts.Select(row => Line(row, $"{row.Step.Level} → {CustomerPhones.Mask(row.Text!.Phone)}", PersonalDataMask.Mask(row.FailureReason ?? ""))));
        }
        html.Append("</table></body></html>");
        return new EmailMessage(to, subject, html.ToString(), text.ToString(), "", $"failure-summary/{TimePattern.Format(now)}");
    }

    private static List<OutboxRecord> Ordered(IEnumerable<OutboxRecord> rows) =>
        [.. rows.OrderBy(f => f.CompletedAt).ThenBy(f => f.Step.Key, StringComparer.Ordinal)];

    private sealed record SummaryLine(string When, string What, string Why, string Key);

    private static SummaryLine Line(OutboxRecord row, string what, string why) =>
        new(row.CompletedAt is { } at ? TimePattern.Format(at) : "", $"#{row.Step.TicketId} {what}", why, row.Step.Key);

    private static void Section(StringBuilder text, StringBuilder html, string intro, IEnumerable<SummaryLine> lines)
    {
        if (text.Length > 0) text.AppendLine();
        text.AppendLine(intro).AppendLine();
        html.Append($"<tr><td colspan=\"3\" style=\"padding:12px 16px;font-size:14px;color:#111827;\">{E(intro)}</td></tr>");
        foreach (var line in lines)
        {
            text.AppendLine($"- {line.When} {line.What}: {line.Why} ({line.Key})");
            html.Append("<tr>")
                .Append($"<td valign=\"top\" style=\"padding:6px 8px 6px 16px;font-size:13px;color:#6b7280;white-space:nowrap;\">{E(line.When)}</td>")
                .Append($"<td valign=\"top\" style=\"padding:6px 8px;font-size:13px;color:#111827;font-weight:bold;\">{E(line.What)}</td>")
                .Append($"<td valign=\"top\" style=\"padding:6px 16px 6px 8px;font-size:13px;color:#374151;\">{E(line.Why)}</td></tr>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
