using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// Decides, without any I/O, which texts a ticket's customer is owed and when, like <see cref="SlaEngine"/> does
/// for escalations: everything is recomputed from the history, and the produced keys in
/// <see cref="TicketHistory.ProducedSteps"/> make each text happen once. A customer without a phone number is
/// owed no text.
/// </summary>
public sealed class CustomerTextPlanner(AfterSalesSettings settings, TextSettings texts)
{
    private readonly SlaEngine engine = new(settings);
    private readonly CustomerTextComposer composer = new(texts);

    // The promise made at opening never changes once later events come; it is asked for at every plan.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TicketOpened, Promise> promises = new();

    private sealed record Promise(int EventsAtOpening, Instant? Deadline);

    /// <param name="answeredSurveys">Keys of this ticket's surveys the customer has rated: they get no reminder.</param>
    public TextPlan Plan(TicketHistory history, Instant now, IReadOnlySet<string>? answeredSurveys = null) =>
        Plan(history, now, answeredSurveys, null);

    /// <param name="assessment">
    /// The engine's assessment of the same events at <paramref name="now"/>, when the caller has it: texts depend on its
    /// clocks and phase only, which produced keys do not change.
    /// </param>
    public TextPlan Plan(TicketHistory history, Instant now, IReadOnlySet<string>? answeredSurveys, TicketAssessment? assessment)
    {
        var facts = new TicketFacts(history, now);
        var nextEvent = history.Events.Where(e => e.OccurredAt > now).Select(e => (Instant?)e.OccurredAt).FirstOrDefault();
        if (facts.Opened is not { } opened || opened.Customer.Phone is null) return TextPlan.Nothing(history.TicketId, nextEvent);

        assessment ??= engine.Assess(history, now);
        var promised = PromisedFirstResponse(history, opened);
        var planned = new List<CustomerText?> { Acknowledgement(history, opened, promised), Apology(history, facts, opened, promised) };
        planned.AddRange(ProgressNotes(facts, opened, assessment));
        planned.AddRange(AppointmentReminders(history, facts, opened, now));
        planned.AddRange(Surveys(history, facts, opened, answeredSurveys ?? new HashSet<string>()));

        var all = planned.OfType<CustomerText>().OrderBy(t => t.SendAt).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var pending = all.Where(t => !history.ProducedSteps.Contains(t.Key)).ToList();
        var dueNow = pending.Where(t => t.SendAt <= now).ToList();
        var nextDue = pending.Where(t => t.SendAt > now).Select(t => (Instant?)t.SendAt).Append(nextEvent).Min();
        return new TextPlan(history.TicketId, all, dueNow, nextDue);
    }

    /// <summary>The first response as the acknowledgement promised it: the deadline as it stood at the opening.</summary>
    private Instant? PromisedFirstResponse(TicketHistory history, TicketOpened opened)
    {
        var eventsAtOpening = history.Events.TakeWhile(e => e.OccurredAt <= opened.OccurredAt).Count();
        if (promises.TryGetValue(opened, out var known) && known.EventsAtOpening == eventsAtOpening) return known.Deadline;
        var deadline = engine.Assess(history, opened.OccurredAt).Clocks
            .FirstOrDefault(c => c.Kind == ClockKind.FirstResponse && c.Cycle == 1)?.Deadline;
        promises.AddOrUpdate(opened, new Promise(eventsAtOpening, deadline));
        return deadline;
    }

    /// <summary>On opening: the ticket number and the first-response deadline as it stood then.</summary>
    private CustomerText? Acknowledgement(TicketHistory history, TicketOpened opened, Instant? deadline)
    {
        // Nothing was promised (no policy for the priority): no acknowledgement can say by when.
        if (deadline is not { } by) return null;
        var acknowledgement = composer.Compose(
            CustomerTextKeys.Acknowledgement(opened.TicketId, 1), opened.TicketId, TextKind.Acknowledgement, opened.Customer,
            opened.Priority, opened.OccurredAt, Values(opened, (TextPlaceholders.RespondBy, composer.LocalTime(by, opened.Customer))));
        // Held by quiet hours until after the agent's first reply or the resolution, it would promise what already happened.
        var overtaken = acknowledgement is { } text && history.Events.Any(e =>
            e is AgentResponded or TicketResolved or TicketClosed && e.OccurredAt >= opened.OccurredAt && e.OccurredAt <= text.SendAt);
        return overtaken ? null : acknowledgement;
    }

    /// <summary>
    /// The first response the acknowledgement promised did not come by its deadline: one text saying we are late and
    /// what happens next, counted by the contact budget like a progress note. Not sent when the reply or the
    /// resolution came before it could go out (quiet hours).
    /// </summary>
    private CustomerText? Apology(TicketHistory history, TicketFacts facts, TicketOpened opened, Instant? promised)
    {
        if (promised is not { } deadline) return null;
        if (facts.Responses.Any(r => r.OccurredAt <= deadline)) return null;
        var apology = composer.Compose(
            CustomerTextKeys.Apology(opened.TicketId, 1), opened.TicketId, TextKind.Apology, opened.Customer, facts.Priority, deadline, Values(opened));
        var overtaken = apology is { } text && history.Events.Any(e =>
            e is AgentResponded or TicketResolved or TicketClosed && e.OccurredAt >= opened.OccurredAt && e.OccurredAt <= text.SendAt);
        return overtaken ? null : apology;
    }

    /// <summary>An update owed (update or commitment deadline passed without a reply), at most one a local day.</summary>
    private IEnumerable<CustomerText?> ProgressNotes(TicketFacts facts, TicketOpened opened, TicketAssessment assessment)
    {
        if (assessment.Phase != TicketPhase.Active) return [];
        return assessment.Clocks
            .Where(c => c.Cycle == assessment.Cycle && c.Kind is ClockKind.Update or ClockKind.Commitment)
            .Where(c => c.Deadline is { } d && (c.StoppedAt is not { } stopped || stopped > d))
            .Select(c => c.Deadline!.Value)
            .GroupBy(d => d.InZone(composer.ZoneOf(opened.Customer)).Date)
            .Select(day => composer.Compose(
                CustomerTextKeys.Progress(opened.TicketId, day.Key), opened.TicketId, TextKind.Progress, opened.Customer,
                facts.Priority, day.Min(), Values(opened)));
    }

    /// <summary>The day before each visit still booked (and shortly before it, when set), while the ticket is open.</summary>
    private IEnumerable<CustomerText?> AppointmentReminders(TicketHistory history, TicketFacts facts, TicketOpened opened, Instant now)
    {
        if (facts.IsResolved || facts.IsClosed) yield break;
        foreach (var booking in BookedVisits(history, now))
        {
            var values = Values(opened,
                (TextPlaceholders.VisitAt, composer.LocalTime(booking.VisitAt, opened.Customer)),
                (TextPlaceholders.Technician, booking.Technician ?? ""));
            var soonAt = texts.AppointmentSoonBefore is { } soon ? Later(booking.VisitAt - soon, booking.OccurredAt) : (Instant?)null;
            var dayBeforeAt = Later(booking.VisitAt - texts.AppointmentDayBeforeLead, booking.OccurredAt);
            // A visit booked at short notice gets one reminder, not two at once.
            if (dayBeforeAt < booking.VisitAt && (soonAt is not { } s || dayBeforeAt < s))
            {
                yield return composer.Compose(
                    CustomerTextKeys.AppointmentDayBefore(opened.TicketId, booking.EventId), opened.TicketId, TextKind.AppointmentDayBefore,
                    opened.Customer, facts.Priority, dayBeforeAt, values);
            }

            if (soonAt is { } at && at < booking.VisitAt)
            {
                yield return composer.Compose(
                    CustomerTextKeys.AppointmentSoon(opened.TicketId, booking.EventId), opened.TicketId, TextKind.AppointmentSoon,
                    opened.Customer, facts.Priority, at, values);
            }
        }
    }

    /// <summary>The latest booking of each appointment not cancelled after it (a rebooking is a new event, so new reminders).</summary>
    private static IEnumerable<AppointmentScheduled> BookedVisits(TicketHistory history, Instant now)
    {
        var latest = new Dictionary<string, AppointmentScheduled?>(StringComparer.Ordinal);
        foreach (var e in history.Events.TakeWhile(e => e.OccurredAt <= now))
        {
            if (e is AppointmentScheduled scheduled) latest[scheduled.AppointmentId] = scheduled;
            else if (e is AppointmentCancelled cancelled) latest[cancelled.AppointmentId] = null;
        }

        return latest.Values.OfType<AppointmentScheduled>();
    }

    /// <summary>Thank-you and survey after each resolution, and one reminder of an unanswered one; none once reopened.</summary>
    private IEnumerable<CustomerText?> Surveys(TicketHistory history, TicketFacts facts, TicketOpened opened, IReadOnlySet<string> answered)
    {
        foreach (var cycle in facts.Cycles)
        {
            if (cycle.End is not { } resolvedAt) continue;
            var reopenedAt = facts.Cycles.FirstOrDefault(c => c.Number == cycle.Number + 1)?.Start;
            var surveyAt = resolvedAt + texts.SurveyDelay;
            if (reopenedAt is { } r && r <= surveyAt) continue;

            var values = Values(opened, (TextPlaceholders.SurveyLink, composer.SurveyLink(opened.TicketId, cycle.Number, surveyAt)));
            var surveyKey = CustomerTextKeys.Survey(opened.TicketId, cycle.Number);
            var survey = composer.Compose(surveyKey, opened.TicketId, TextKind.Survey, opened.Customer, facts.Priority, surveyAt, values);
            yield return survey;

            // Timed from when the survey went out (after quiet hours or a holiday held it), not from when it was due:
            // a reminder timed from the due instant would be held by the same quiet hours and arrive with the survey.
            var reminderAt = (survey?.SendAt ?? surveyAt) + texts.SurveyReminderAfter;
            if (history.ProducedSteps.Contains(surveyKey) && !answered.Contains(surveyKey) && (reopenedAt is not { } again || again > reminderAt))
            {
                yield return composer.Compose(
                    CustomerTextKeys.SurveyReminder(opened.TicketId, cycle.Number), opened.TicketId, TextKind.SurveyReminder,
                    opened.Customer, facts.Priority, reminderAt, values);
            }
        }
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static Dictionary<string, string> Values(TicketOpened opened, params (string Name, string Value)[] more)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.TicketNumber] = opened.TicketId };
        foreach (var (name, value) in more) values[name] = value;
        return values;
    }
}
