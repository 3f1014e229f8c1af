using System.Globalization;
using AfterSales.Core.Application;
using AfterSales.Core.Notifications;
using AfterSales.Core.Reports;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// What follows a recorded rating (SPEC): a 1–2 rating puts an alert email to the ticket team's manager in the outbox
/// at once (well within the hour), a 4–5 rating a thank-you text (deferred out of quiet hours like every text). Each
/// goes in as an outbox row keyed by ticket and survey cycle and is handed to the notification queue, so applying the
/// same rating twice sends nothing twice. The inbound-text and survey-link handlers call it with what they recorded.
/// With <paramref name="tallies"/> every rating is also added, once, to the reports' running totals.
/// </summary>
public sealed class RatingFollowUps(
    ITicketStore tickets,
    IOutbox outbox,
    INotificationQueue notifications,
    AfterSalesSettings settings,
    TextSettings texts,
    TimeProvider time,
    ITallies? tallies = null,
    ReportSettings? reports = null)
{
    /// <summary>The clock id of low-rating alert steps (their key is <c>ticket/rating/low-rating/cycle</c>).</summary>
    public const string ClockId = "rating";

    public const string AlertLevel = "low-rating";

    private readonly CustomerTextComposer composer = new(texts);

    /// <returns>The key of the step or text put in the outbox (null when the rating asks for nothing, or the ticket is unknown).</returns>
    public async Task<string?> ApplyAsync(RatingRecorded rating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (rating.FollowUp == RatingFollowUp.None && tallies is null) return null;
        var stored = await tickets.GetAsync(rating.TicketId, cancellationToken).ConfigureAwait(false);
        if (tallies is not null && reports is not null && stored is not null && ActivityTallies.Rating(rating, stored.Ticket.History, reports.Zone) is { } counted)
            await tallies.AddAsync(counted, cancellationToken).ConfigureAwait(false);
        if (rating.FollowUp == RatingFollowUp.None) return null;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (stored is null || new TicketFacts(stored.Ticket.History, now) is not { Opened: { } opened } facts) return null;
        var cycle = CycleOf(rating.SurveyKey);

        if (rating.FollowUp == RatingFollowUp.AlertManager)
        {
            var step = new EscalationStep(
                EscalationStep.KeyFor(rating.TicketId, ClockId, AlertLevel, cycle), rating.TicketId, cycle, AlertLevel, LadderTrigger.Opened, null,
                ClockId, EscalationRoles.Manager, settings.Escalation.AddressFor(opened.Team, EscalationRoles.Manager), rating.RatedAt, now, null,
                RatingAlertEmail.Expectation(rating.Rating, rating.Comment));
            await outbox.AddAsync([step], now, cancellationToken).ConfigureAwait(false);
            await notifications.EnqueueAsync(NotificationMessage.For(step, now), cancellationToken).ConfigureAwait(false);
            await notifications.FlushAsync(cancellationToken).ConfigureAwait(false);
            return step.Key;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.TicketNumber] = rating.TicketId };
        var text = composer.Compose(
            CustomerTextKeys.RatingThanks(rating.TicketId, cycle), rating.TicketId, TextKind.RatingThanks, opened.Customer, facts.Priority,
            rating.RatedAt, values);
        if (text is null) return null;
        await outbox.AddTextsAsync([text], now, cancellationToken).ConfigureAwait(false);
        await notifications.EnqueueAsync(NotificationMessage.For(text, now), cancellationToken).ConfigureAwait(false);
        await notifications.FlushAsync(cancellationToken).ConfigureAwait(false);
        return text.Key;
    }

    /// <summary>The cycle a survey key ends with (<c>T-1/text/survey/2</c> → 2).</summary>
    private static int CycleOf(string surveyKey) =>
        int.TryParse(surveyKey[(surveyKey.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var cycle) ? cycle : 1;
}
