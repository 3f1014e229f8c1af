using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Notifications;

/// <summary>
/// The send step of a customer text whose attempt <see cref="NotificationDispatch"/> has claimed. Right before
/// sending it checks, in order: the ticket as it is now (with <c>tickets</c>: a progress text for a resolved or closed
/// ticket, a reminder of an appointment cancelled or moved since → <c>cancelled</c> with the reason), the number
/// (invalid → the email fallback), the opt-out (→ <c>suppressed</c>), a
/// survey reminder's survey (never sent or answered → <c>suppressed</c>), the contact budget (→ <c>held</c> until the
/// budget allows it; the check reserves the text's place in the budget, see <see cref="ReserveAsync"/>). Then it sends once through <see cref="ISmsSender"/> and records the outcome: <c>sent</c> with the
/// provider's sid; refused for good because the number cannot take texts → sent to the customer's email instead
/// (recorded as <c>sent</c> with <c>email:</c> and the email id, the provider's error kept as the reason) or
/// <c>failed</c> without one; refused because the customer blocked texts → an opt-out and <c>suppressed</c>; refused for a
/// reason on our side (a country not enabled, content filtered) → <c>failed</c> and the duty manager alerted; provider
/// busy → <c>held</c> for a later try, until <see cref="TextSettings.GiveUpAfter"/> after the text was produced (then
/// <c>failed</c>); no answer in time → <c>failed</c>,
/// never resent blindly.
/// </summary>
public sealed class TextDispatch(
    IOutbox outbox,
    IOptOuts optOuts,
    ISentTexts sentTexts,
    ISurveys surveys,
    ISmsSender sms,
    IEmailSender email,
    TextSettings settings,
    TimeProvider time,
    ITicketStore? tickets = null,
    TextProblemAlerts? alerts = null)
{
    public const string UnknownOutcomeReason =
        "outcome unknown: no answer from the SMS provider in time (or the process stopped during the send); not resent, because the text may have gone out. Check the provider's message log.";

    /// <summary>How long a text the provider did not take waits at least before the next try.</summary>
    public static readonly Duration RetryLaterDelay = Duration.FromMinutes(5);

    public async Task<DispatchOutcome> SendAsync(OutboxRecord attempt, CustomerText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(text);
        var now = Now();
        if (await NoLongerAppliesAsync(text, now, cancellationToken).ConfigureAwait(false) is { } stale)
            return await SetAsideAsync(attempt, OutboxStatus.Cancelled, stale, null, cancellationToken).ConfigureAwait(false);

        if (!CustomerPhones.TryNormalise(text.Phone, null, out var number, out var invalid))
            return await FallBackOrFailAsync(attempt, text, $"not sent: {invalid}", cancellationToken).ConfigureAwait(false);

        if (await optOuts.IsOptedOutAsync(number, cancellationToken).ConfigureAwait(false))
            return await SetAsideAsync(attempt, OutboxStatus.Suppressed, "suppressed: the customer opted out of texts (replied STOP)", null, cancellationToken).ConfigureAwait(false);

        if (text.Kind == TextKind.SurveyReminder && await ReminderNotNeededAsync(text, cancellationToken).ConfigureAwait(false) is { } why)
            return await SetAsideAsync(attempt, OutboxStatus.Suppressed, why, null, cancellationToken).ConfigureAwait(false);

        var budget = await ReserveAsync(number, text, now, cancellationToken).ConfigureAwait(false);
        if (!budget.Send)
            return await SetAsideAsync(attempt, OutboxStatus.Held, budget.Reason!, budget.NextChanceAt, cancellationToken).ConfigureAwait(false);

        var result = await sms.SendAsync(new SmsMessage(number, text.Text.Body, Reference: new TextReference(text.TicketId, text.Key)), cancellationToken).ConfigureAwait(false);
        if (result.Outcome is SmsOutcome.Rejected or SmsOutcome.TryLater)
            await sentTexts.ReleaseAsync(number, text.Key, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case SmsOutcome.Accepted:
                var sentAt = Now();
                await sentTexts.RecordAsync(number, new SentText(text.Key, text.Kind, sentAt, text.IsBudgetExempt), cancellationToken).ConfigureAwait(false);
                if (text.Kind == TextKind.Survey)
                    await surveys.RecordSentAsync(new SurveySent(text.Key, text.TicketId, text.CustomerId, number, sentAt), cancellationToken).ConfigureAwait(false);
                await outbox.TryCompleteAsync(attempt, SendResult.Success(result.ProviderId ?? "", 1), sentAt, cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.Sent;
            case SmsOutcome.Rejected when result.FallbackToEmail:
                return await FallBackOrFailAsync(attempt, text, ProviderError(result), cancellationToken).ConfigureAwait(false);
            case SmsOutcome.Rejected when result.Problem == SmsProblem.RecipientOptedOut:
                await optOuts.SetAsync(number, true, now, $"provider error {result.ErrorCode}", cancellationToken).ConfigureAwait(false);
                return await SetAsideAsync(attempt, OutboxStatus.Suppressed, $"suppressed: the SMS provider refused it because the customer blocked texts ({ProviderError(result)}); recorded as an opt-out", null, cancellationToken).ConfigureAwait(false);
            case SmsOutcome.Rejected when result.Problem == SmsProblem.NeedsDutyManager && alerts is not null:
                var problem = ProviderError(result);
                await alerts.RaiseAsync(text, result.ErrorCode ?? "", problem, now, cancellationToken).ConfigureAwait(false);
                await outbox.TryCompleteAsync(attempt, SendResult.Failure($"{problem}; a problem on our side, not the customer's number: the duty manager is alerted", 1), Now(), cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.Failed;
            case SmsOutcome.Rejected:
                await outbox.TryCompleteAsync(attempt, SendResult.Failure(ProviderError(result), 1), Now(), cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.Failed;
            case SmsOutcome.TryLater when now - attempt.ProducedAt >= settings.GiveUpAfter:
                var gaveUp = $"gave up after {DurationText.Format(settings.GiveUpAfter)} of the SMS provider not taking it (Texts__GiveUpAfter): {ProviderError(result)}";
                await outbox.TryCompleteAsync(attempt, SendResult.Failure(gaveUp, 1), Now(), cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.Failed;
            case SmsOutcome.TryLater:
                var wait = result.RetryAfter is { } after && Duration.FromTimeSpan(after) > RetryLaterDelay ? Duration.FromTimeSpan(after) : RetryLaterDelay;
                var nextChance = settings.QuietHours.NextAllowed(now + wait, CustomerZones.Of(text.TimeZone, settings.CustomerTimeZone), isP1: false);
                return await SetAsideAsync(attempt, OutboxStatus.Held, $"held: the SMS provider did not take it ({ProviderError(result)}); tried again later", nextChance, cancellationToken).ConfigureAwait(false);
            default:
                // The text may have gone out: it keeps its place in the budget.
                await sentTexts.RecordAsync(number, new SentText(text.Key, text.Kind, now, text.IsBudgetExempt), cancellationToken).ConfigureAwait(false);
                await outbox.TryCompleteAsync(attempt, SendResult.Failure(UnknownOutcomeReason, 1), Now(), cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.Failed;
        }
    }

    /// <summary>
    /// The budget's check and the text's place in it are one step (<see cref="ISentTexts.TryReserveAsync"/>): two texts
    /// to one customer dispatched at the same instant cannot both pass a budget of one. The place is given back when the
    /// provider does not take the text, and a reservation left by a stopped process runs out
    /// (<see cref="SentText.ReservationLifetime"/>). Exempt texts are not counted, so they reserve nothing.
    /// </summary>
    private async Task<BudgetDecision> ReserveAsync(string number, CustomerText text, Instant now, CancellationToken cancellationToken)
    {
        if (text.IsBudgetExempt) return BudgetDecision.Allowed;
        var since = now - settings.SurveyEvery - Duration.FromDays(1);
        var reservation = new SentText(text.Key, text.Kind, now, text.IsBudgetExempt, IsReservation: true);
        var decision = await sentTexts.TryReserveAsync(
            number, reservation, since, sent => ContactBudget.Decide(text, now, sent.Where(s => s.CountsAt(now)), settings), cancellationToken).ConfigureAwait(false);
        return decision ?? new BudgetDecision(false, "held: other texts to this customer were changing the contact budget at the same time; tried again shortly", now + BudgetBusyDelay);
    }

    /// <summary>How long a text waits when the budget could not be reserved for contention.</summary>
    public static readonly Duration BudgetBusyDelay = Duration.FromMinutes(1);

    /// <summary>
    /// A text planned earlier may be sent much later (quiet hours, the contact budget): the ticket is read again so that
    /// it does not go out about a world that changed meanwhile.
    /// </summary>
    /// <returns>Why the text is cancelled; null when it still applies.</returns>
    private async Task<string?> NoLongerAppliesAsync(CustomerText text, Instant now, CancellationToken cancellationToken)
    {
        if (tickets is null || text.Kind is not (TextKind.Progress or TextKind.AppointmentDayBefore or TextKind.AppointmentSoon)) return null;
        if (await tickets.GetAsync(text.TicketId, cancellationToken).ConfigureAwait(false) is not { } ticket) return null;
        var history = ticket.Ticket.History;
        if (text.Kind == TextKind.Progress)
        {
            var facts = new TicketFacts(history, now);
            return facts.IsClosed ? "cancelled: the ticket was closed before the progress text went out"
                : facts.IsResolved ? "cancelled: the ticket was resolved before the progress text went out"
                : null;
        }

        var marker = text.Kind == TextKind.AppointmentDayBefore
            ? CustomerTextKeys.AppointmentDayBefore(text.TicketId, "")
            : CustomerTextKeys.AppointmentSoon(text.TicketId, "");
        if (!text.Key.StartsWith(marker, StringComparison.Ordinal)) return null;
        var bookingId = text.Key[marker.Length..];
        if (history.Events.OfType<AppointmentScheduled>().FirstOrDefault(e => e.EventId == bookingId) is not { } booking) return null;
        var later = history.Events.Where(e => EventOrder.Compare(e, booking) > 0).ToList();
        if (later.OfType<AppointmentCancelled>().Any(c => c.AppointmentId == booking.AppointmentId))
            return $"cancelled: appointment {booking.AppointmentId} was cancelled";
        return later.OfType<AppointmentScheduled>().Any(s => s.AppointmentId == booking.AppointmentId)
            ? $"cancelled: appointment {booking.AppointmentId} was moved; the new booking has reminders of its own"
            : null;
    }

    /// <returns>Why the reminder is not sent; null when it is.</returns>
    private async Task<string?> ReminderNotNeededAsync(CustomerText reminder, CancellationToken cancellationToken)
    {
        var surveyKey = CustomerTextKeys.SurveyOfReminder(reminder.Key);
        if (await surveys.FindAsync(reminder.TicketId, surveyKey, cancellationToken).ConfigureAwait(false) is null)
            return "suppressed: the survey this reminds of was never sent";
        return await surveys.IsRatedAsync(reminder.TicketId, surveyKey, cancellationToken).ConfigureAwait(false)
            ? "suppressed: the customer answered the survey already"
            : null;
    }

    private async Task<DispatchOutcome> FallBackOrFailAsync(OutboxRecord attempt, CustomerText text, string smsError, CancellationToken cancellationToken)
    {
        if (text.Email is not { } address)
        {
            await outbox.TryCompleteAsync(attempt, SendResult.Failure($"{smsError}; no customer email to fall back to", 1), Now(), cancellationToken).ConfigureAwait(false);
            return DispatchOutcome.Failed;
        }

        var emailed = await email.SendAsync(TextFallbackEmail.Compose(text, address), cancellationToken).ConfigureAwait(false);
        var result = emailed.Sent
            ? new SendResult(true, $"email:{emailed.ProviderMessageId}", $"{smsError}; sent to the customer's email instead", emailed.Requests + 1)
            : SendResult.Failure($"{smsError}; the email fallback failed too: {emailed.Error}", emailed.Requests + 1);
        await outbox.TryCompleteAsync(attempt, result, Now(), cancellationToken).ConfigureAwait(false);
        return emailed.Sent ? DispatchOutcome.SentByEmail : DispatchOutcome.Failed;
    }

    private async Task<DispatchOutcome> SetAsideAsync(OutboxRecord attempt, string status, string reason, Instant? nextChanceAt, CancellationToken cancellationToken)
    {
        await outbox.TrySetAsideAsync(attempt, status, reason, nextChanceAt, Now(), cancellationToken).ConfigureAwait(false);
        return status switch
        {
            OutboxStatus.Held => DispatchOutcome.Held,
            OutboxStatus.Cancelled => DispatchOutcome.Cancelled,
            _ => DispatchOutcome.Suppressed,
        };
    }

    private static string ProviderError(SmsSendResult result)
    {
        var parts = new List<string>();
        if (result.HttpStatus is { } status) parts.Add($"HTTP {status}");
        if (result.ErrorCode is { } code) parts.Add($"error {code}");
        if (result.ErrorMessage is { } message) parts.Add(message);
        if (result.MoreInfo is { } info) parts.Add(info);
        return parts.Count == 0 ? result.Outcome.ToString() : string.Join(": ", parts);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
