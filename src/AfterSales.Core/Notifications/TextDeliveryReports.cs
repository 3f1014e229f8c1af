using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Applies a provider's delivery report to the text's outbox row, once: a <c>sent</c> text becomes <c>delivered</c>,
/// or <c>undelivered</c> and then, by what the error means (<see cref="SmsProblem"/>): the number cannot take texts →
/// the same words to the customer's email; the customer blocked texts → an opt-out is recorded; a problem on our side
/// → the duty manager is alerted. The row's change is conditional on its version and on it still being <c>sent</c>, so
/// of two deliveries of the same callback only the first acts, and the fallback email goes at most once. An undelivered
/// text that nothing could be done about is left for the failure summary.
/// </summary>
public sealed class TextDeliveryReports(IOutbox outbox, IOptOuts optOuts, IEmailSender email, TimeProvider time, TextProblemAlerts? alerts = null)
{
    public async Task<TextDeliveryOutcome> ApplyAsync(TextDeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State == TextDeliveryState.OnItsWay) return TextDeliveryOutcome.NotFinal;
        var row = await outbox.GetAsync(report.Reference.TicketId, report.Reference.StepKey, cancellationToken).ConfigureAwait(false);
        if (row?.Text is not { } text || row.ProviderMessageId != report.ProviderMessageId) return TextDeliveryOutcome.NoSuchText;
        if (row.Status != OutboxStatus.Sent) return TextDeliveryOutcome.AlreadyApplied;

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (report.State == TextDeliveryState.Delivered)
        {
            return await outbox.TryRecordDeliveryAsync(row, OutboxStatus.Delivered, null, false, now, cancellationToken).ConfigureAwait(false) is null
                ? TextDeliveryOutcome.AlreadyApplied
                : TextDeliveryOutcome.Delivered;
        }

        var error = report.ErrorCode is { } code ? $"undelivered: the carrier reported error {code}" : "undelivered: the provider gave no error code";
        switch (report.Problem)
        {
            case SmsProblem.NumberUnreachable when text.Email is { } address:
                // Listed until the fallback is known to have gone: a crash between the two writes still shows up.
                var claimed = await outbox.TryRecordDeliveryAsync(row, OutboxStatus.Undelivered, $"{error} (the number cannot take texts); emailing the customer instead", true, now, cancellationToken).ConfigureAwait(false);
                if (claimed is null) return TextDeliveryOutcome.AlreadyApplied;
                var emailed = await email.SendAsync(TextFallbackEmail.Compose(text, address), cancellationToken).ConfigureAwait(false);
                var outcome = emailed.Sent
                    ? $"{error} (the number cannot take texts); sent to the customer's email instead (email:{emailed.ProviderMessageId})"
                    : $"{error} (the number cannot take texts); the email fallback failed too: {emailed.Error}";
                await outbox.TryRecordDeliveryAsync(claimed, OutboxStatus.Undelivered, outcome, !emailed.Sent, Now(), cancellationToken).ConfigureAwait(false);
                return emailed.Sent ? TextDeliveryOutcome.UndeliveredEmailedInstead : TextDeliveryOutcome.Undelivered;
            case SmsProblem.NumberUnreachable:
                return await RecordAsync(row, $"{error} (the number cannot take texts); no customer email to fall back to", TextDeliveryOutcome.Undelivered, true, now, cancellationToken).ConfigureAwait(false);
            case SmsProblem.RecipientOptedOut:
                if (CustomerPhones.TryNormalise(text.Phone, null, out var number, out _))
                    await optOuts.SetAsync(number, true, report.ReceivedAt, $"provider error {report.ErrorCode}", cancellationToken).ConfigureAwait(false);
                return await RecordAsync(row, $"{error} (the customer blocked texts); recorded as an opt-out", TextDeliveryOutcome.UndeliveredOptedOut, false, now, cancellationToken).ConfigureAwait(false);
            case SmsProblem.NeedsDutyManager when alerts is not null:
                // The alert first: its step key makes a second raise a no-op, and a crash before the row is recorded
                // then loses nothing.
                await alerts.RaiseAsync(text, report.ErrorCode ?? "", error, now, cancellationToken).ConfigureAwait(false);
                return await RecordAsync(row, $"{error} (a problem on our side, not the customer's number); the duty manager is alerted", TextDeliveryOutcome.UndeliveredDutyManagerAlerted, false, now, cancellationToken).ConfigureAwait(false);
            default:
                return await RecordAsync(row, error, TextDeliveryOutcome.Undelivered, true, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TextDeliveryOutcome> RecordAsync(
        OutboxRecord row, string reason, TextDeliveryOutcome outcome, bool forFailureSummary, Instant now, CancellationToken cancellationToken) =>
        await outbox.TryRecordDeliveryAsync(row, OutboxStatus.Undelivered, reason, forFailureSummary, now, cancellationToken).ConfigureAwait(false) is null
            ? TextDeliveryOutcome.AlreadyApplied
            : outcome;

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
