using AfterSales.Core.Email;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>Sends a period's emails, each claimed in the report log first, and marks the period complete once every one is settled.</summary>
internal sealed class ReportMailer(IReportLog log, IEmailSender email)
{
    public async Task<ReportRun> SendAsync(
        string period, IReadOnlyList<(string Audience, string To, ReportContent Content)> emails, Instant now, CancellationToken cancellationToken)
    {
        var deliveries = new List<ReportDelivery>();
        var settled = true;
        foreach (var (audience, to, content) in emails)
        {
            if (!await log.TryClaimAsync(period, audience, now, cancellationToken).ConfigureAwait(false)) continue;
            var message = new EmailMessage(to, content.Subject, ReportHtml.Write(content), ReportPlainText.Write(content), "", $"{period}-{audience}");
            var result = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
            settled &= await log.FinishAsync(period, audience, result, now, cancellationToken).ConfigureAwait(false);
            deliveries.Add(new ReportDelivery(audience, to, content, message, result));
        }

        if (settled) await log.MarkCompleteAsync(period, now, cancellationToken).ConfigureAwait(false);
        return new ReportRun(period, false, deliveries);
    }

    /// <summary>An audience name that is also a safe file-name part: letters, digits and '-' kept, others '_'.</summary>
    public static string Audience(string kind, string name) =>
        kind + "-" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);
}
