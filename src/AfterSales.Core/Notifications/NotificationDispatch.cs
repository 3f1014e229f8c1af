using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Reports;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Sends the step a <see cref="NotificationMessage"/> names, at most once: it records an attempt on the outbox row
/// (a conditional update, so of two dispatchers only one proceeds), renders the email, sends it and records the
/// outcome. A row whose attempt recorded no outcome and has expired was cut short by a crash: it is marked failed
/// with that reason and never resent blindly, because the email may have gone out before the crash.
/// Rows of customer texts go the same way (claim, attempt, outcome), their send step done by <see cref="TextDispatch"/>;
/// a text row is only claimed once its send instant has come, and a held one once its next chance has.
/// With <paramref name="tallies"/> each email step sent is added to the reports' running totals (once: a message
/// delivered again for a sent row offers it again, which changes nothing but makes up a count a crash lost).
/// </summary>
public sealed class NotificationDispatch(
    ITicketStore tickets,
    IOutbox outbox,
    EscalationEmailRenderer renderer,
    IEmailSender email,
    EmailSettings settings,
    TimeProvider time,
    TextDispatch? texts = null,
    StepTallies? tallies = null)
{
    public const string UnknownOutcomeReason =
        "outcome unknown: the attempt was cut short (the process stopped during the send); not resent, because the email may have gone out. Check the recipient's inbox or SendGrid's activity feed.";

    public async Task<DispatchOutcome> DispatchAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var record = await outbox.GetAsync(message.TicketId, message.StepKey, cancellationToken).ConfigureAwait(false);
        if (record is null) return DispatchOutcome.NoSuchStep;
        return await DispatchAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same for a row already read (the drain).</summary>
    public async Task<DispatchOutcome> DispatchAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        var now = Now();
        switch (record.Status)
        {
            case OutboxStatus.Sent when record.Text is null && tallies is not null:
                await tallies.CountSentAsync(record.Step, record.CompletedAt ?? now, cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.AlreadyDone;
            case OutboxStatus.Sent or OutboxStatus.Failed or OutboxStatus.Suppressed:
                return DispatchOutcome.AlreadyDone;
            case OutboxStatus.Sending:
                if (record.AttemptStartedAt is { } started && now - started < settings.AttemptExpiry) return DispatchOutcome.InProgress;
                var unknown = record.Text is null ? UnknownOutcomeReason : TextDispatch.UnknownOutcomeReason;
                return await outbox.TryCompleteAsync(record, SendResult.Failure(unknown, record.Requests), now, cancellationToken).ConfigureAwait(false)
                    ? DispatchOutcome.UnknownOutcomeResolved
                    : DispatchOutcome.InProgress;
            case OutboxStatus.Held when record.NextChanceAt is not { } chance || chance > now:
                return DispatchOutcome.Held;
        }

        if (record.Text is { } text)
        {
            if (text.SendAt > now) return DispatchOutcome.Held;
            if (texts is null) return DispatchOutcome.NoSender;
        }

        var attempt = await outbox.TryStartAttemptAsync(record, now, cancellationToken).ConfigureAwait(false);
        if (attempt is null) return DispatchOutcome.InProgress;

        if (attempt.Text is { } claimed) return await texts!.SendAsync(attempt, claimed, cancellationToken).ConfigureAwait(false);

        SendResult result;
        try
        {
            var rendered = await RenderAsync(attempt, now, cancellationToken).ConfigureAwait(false);
            result = await email.SendAsync(rendered, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
        {
            // Nothing was sent: the email could not be put together (no address, ticket missing or unreadable).
            result = SendResult.Failure($"not sent: {e.Message}", 0);
        }

        var finished = Now();
        if (result.Transient && finished - attempt.ProducedAt < settings.GiveUpAfter)
        {
            // Nothing can have been sent (or SendGrid said it was busy): wait the outage out rather than fail the step.
            var nextChance = finished + RetryBackoff(attempt.Attempts);
            var reason = $"held: SendGrid unavailable ({result.Error}); tried again by the drain until {DurationText.Format(settings.GiveUpAfter)} after the step was produced";
            await outbox.TrySetAsideAsync(attempt, OutboxStatus.Held, reason, nextChance, finished, cancellationToken).ConfigureAwait(false);
            return DispatchOutcome.Held;
        }
        if (result.Transient) result = result with { Error = $"gave up after {DurationText.Format(settings.GiveUpAfter)} of outage (Email__GiveUpAfter): {result.Error}" };

        await outbox.TryCompleteAsync(attempt, result, finished, cancellationToken).ConfigureAwait(false);
        if (result.Sent && tallies is not null) await tallies.CountSentAsync(attempt.Step, finished, cancellationToken).ConfigureAwait(false);
        return result.Sent ? DispatchOutcome.Sent : DispatchOutcome.Failed;
    }

    /// <summary>One minute after the first failed attempt, doubling, at most half an hour between tries.</summary>
    private static Duration RetryBackoff(int attempts) =>
        Duration.FromMinutes(Math.Min(30, Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<EmailMessage> RenderAsync(OutboxRecord attempt, Instant now, CancellationToken cancellationToken)
    {
        var step = attempt.Step;
        if (renderer.RenderRuleNotice(step, now) is { } notice) return notice;
        var ticket = await tickets.GetAsync(step.TicketId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"ticket {step.TicketId} is not stored");
        if (step.ClockId == RatingFollowUps.ClockId) return RatingAlertEmail.Compose(ticket.Ticket.History, step, settings.Locale, now);
        if (step.ClockId == TextProblemAlerts.ClockId) return TextProblemAlertEmail.Compose(step, settings.Locale);
        var told = new List<Sla.EscalationStep>();
        await foreach (var row in outbox.ListForTicketAsync(step.TicketId, cancellationToken).ConfigureAwait(false))
        {
            if (row.Step.Key != step.Key && row.Status == OutboxStatus.Sent) told.Add(row.Step);
        }
        return renderer.Render(ticket.Ticket.History, step, told, now);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
