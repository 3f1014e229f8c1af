using System.Net;
using System.Text;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Tells the duty manager (of the default team) which escalation emails failed and why, at most once per
/// <see cref="EmailSettings.FailureSummaryInterval"/>. Failures not yet reported wait for the next summary; a summary
/// that could not be sent leaves them unreported, so they are listed again next time.
/// </summary>
public sealed class FailureSummary(IOutbox outbox, IFailureSummaryLog log, IEmailSender email, AfterSalesSettings settings, TimeProvider time)
{
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm'Z'");

    /// <returns>The number of failures reported (0 when there were none, or the interval has not passed).</returns>
    public async Task<int> SendIfDueAsync(CancellationToken cancellationToken)
    {
        var failed = new List<OutboxRecord>();
        await foreach (var row in outbox.ListByStatusAsync(OutboxStatus.Failed, cancellationToken).ConfigureAwait(false))
        {
            // Texts have their own record (and their email fallback); this summary is about escalation emails.
            if (!row.FailureReported && row.Text is null) failed.Add(row);
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
        var subject = english
            ? $"[AfterSales] {failed.Count} escalation email(s) failed"
            : $"[AfterSales] {failed.Count} 封升级邮件发送失败";
        var intro = english
            ? "These escalation emails did not reach their recipients. Please make sure each person hears about the ticket."
            : "以下升级邮件未能送达收件人，请确保相关人员知悉这些工单。";
        var rows = failed.OrderBy(f => f.CompletedAt).ThenBy(f => f.Step.Key, StringComparer.Ordinal).ToList();

        var text = new StringBuilder().AppendLine(intro).AppendLine();
        var html = new StringBuilder($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head><body style=\"margin:0;padding:24px;background:#f3f4f6;font-family:Arial,sans-serif;\">")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:600px;max-width:100%;background:#ffffff;border:1px solid #e5e7eb;\">")
            .Append($"<tr><td colspan=\"3\" style=\"background:#b91c1c;color:#ffffff;padding:12px 16px;font-weight:bold;\">{E(subject)}</td></tr>")
            .Append($"<tr><td colspan=\"3\" style=\"padding:12px 16px;font-size:14px;color:#111827;\">{E(intro)}</td></tr>");
        foreach (var row in rows)
        {
            var step = row.Step;
            var when = row.CompletedAt is { } at ? TimePattern.Format(at) : "";
            var who = $"{step.Role} {step.Recipient}";
            text.AppendLine($"- {when} #{step.TicketId} {step.Level} → {who}: {row.FailureReason} ({step.Key})");
            html.Append("<tr>")
                .Append($"<td valign=\"top\" style=\"padding:6px 8px 6px 16px;font-size:13px;color:#6b7280;white-space:nowrap;\">{E(when)}</td>")
                .Append($"<td valign=\"top\" style=\"padding:6px 8px;font-size:13px;color:#111827;font-weight:bold;\">#{E(step.TicketId)} {E(step.Level)} → {E(who)}</td>")
                .Append($"<td valign=\"top\" style=\"padding:6px 16px 6px 8px;font-size:13px;color:#374151;\">{E(row.FailureReason ?? "")}</td></tr>");
        }
        html.Append("</table></body></html>");
        return new EmailMessage(to, subject, html.ToString(), text.ToString(), "", $"failure-summary/{TimePattern.Format(now)}");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
