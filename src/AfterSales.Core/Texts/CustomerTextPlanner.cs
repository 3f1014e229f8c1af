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
    /// clocks, phase and facts only, which produced keys do not change.
    /// </param>
    /// <remarks>
    /// Only the texts due now are rendered here; <see cref="TextPlan.Planned"/> renders the others when it is first read
    /// (a sweep or a simulation plans every ticket again and again and sends a text once).
    /// </remarks>
    public TextPlan Plan(TicketHistory history, Instant now, IReadOnlySet<string>? answeredSurveys, TicketAssessment? assessment)
    {
        TextOutlook? none = null;
        return Plan(history, now, answeredSurveys, assessment, ref none);
    }

    /// <summary>
    /// Like <see cref="Plan(TicketHistory, Instant, IReadOnlySet{string}?, TicketAssessment?)"/> for a caller that looks
    /// at the same ticket again and again (the simulation): the texts owed are worked out again only when
    /// <paramref name="outlook"/> (the caller's last one for this ticket, updated here) no longer fits the history.
    /// </summary>
    internal TextPlan Plan(TicketHistory history, Instant now, TicketAssessment assessment, ref TextOutlook? outlook) =>
        Plan(history, now, null, assessment, ref outlook);

    private TextPlan Plan(TicketHistory history, Instant now, IReadOnlySet<string>? answeredSurveys, TicketAssessment? assessment, ref TextOutlook? outlook)
    {
        ArgumentNullException.ThrowIfNull(history);
        var nextEvent = FirstEventAfter(history, now);
        var inEffect = TicketLayout.InEffect(history.Events, now);
        // Nothing due now: the kept outlook says when the next text is, and nothing is worked out again.
        if (outlook is { } known && known.Fits(history, inEffect) && known.NothingDue(history, now, out var nextText))
        {
            var next = nextText is { } at && (nextEvent is not { } e || at <= e) ? at : nextEvent;
            return new TextPlan(history.TicketId, PlannedWhenRead(history, now, assessment), [], next);
        }

        outlook = null;
        var facts = assessment?.Facts ?? new TicketFacts(history, now);
        if (facts.Opened is not { } opened || opened.Customer.Phone is null) return TextPlan.Nothing(history.TicketId, nextEvent);

        assessment ??= engine.Assess(history, now);
        var promised = PromisedFirstResponse(history, opened, assessment, inEffect);
        var planned = new List<Occasion>();
        if (Acknowledgement(history, opened, promised) is { } acknowledgement) planned.Add(acknowledgement);
        if (Apology(history, facts, opened, promised) is { } apology) planned.Add(apology);
        planned.AddRange(ProgressNotes(facts, opened, assessment));
        AddAppointmentReminders(planned, history, facts, opened, now);
        AddSurveys(planned, history, facts, opened, answeredSurveys ?? NoneAnswered);

        // Keys are unique, so this order is total and a sort in place gives the same order as a stable one.
        var all = planned;
        all.Sort(BySendAtThenKey);
        if (answeredSurveys is null)
        {
            var owed = new (string Key, Instant SendAt, bool IsSurvey)[all.Count];
            for (var i = 0; i < owed.Length; i++) owed[i] = (all[i].Key, all[i].SendAt, all[i].Kind == TextKind.Survey);
            outlook = new TextOutlook(history, inEffect, owed);
        }
        var dueNow = new List<CustomerText>();
        Instant? nextDue = null;
        foreach (var occasion in all)
        {
            if (history.ProducedSteps.Contains(occasion.Key)) continue;
            if (occasion.SendAt <= now) dueNow.Add(Render(opened, occasion));
            else if (nextDue is null || occasion.SendAt < nextDue) nextDue = occasion.SendAt;
        }

        if (nextEvent is { } eventAt && (nextDue is null || eventAt < nextDue)) nextDue = eventAt;
        return new TextPlan(history.TicketId, RenderedWhenRead(opened, all), dueNow, nextDue);
    }

    // The two lambdas below live in methods of their own: captured in Plan, their closure would be allocated at every
    // call of it, also when nothing is due (most of a simulation's calls).
    private BuiltWhenRead<CustomerText> PlannedWhenRead(TicketHistory history, Instant now, TicketAssessment? assessment) =>
        new(() => Plan(history, now, null, assessment).Planned);

    private BuiltWhenRead<CustomerText> RenderedWhenRead(TicketOpened opened, List<Occasion> all) =>
        new(() => [.. all.Select(o => Render(opened, o))]);

    private static readonly IReadOnlySet<string> NoneAnswered = new HashSet<string>();

    private static readonly Comparison<Occasion> BySendAtThenKey = (a, b) =>
        a.SendAt != b.SendAt ? a.SendAt.CompareTo(b.SendAt) : string.CompareOrdinal(a.Key, b.Key);

    /// <summary>A text the ticket is owed, with its send instant, rendered only when it is sent or read.</summary>
    private sealed record Occasion(string Key, TextKind Kind, string? Priority, Instant DueAt, Instant SendAt, Func<Dictionary<string, string>> Values);

    private Occasion Owed(string key, TextKind kind, TicketOpened opened, string? priority, Instant dueAt, Func<Dictionary<string, string>> values) =>
        new(key, kind, priority, dueAt, composer.SendAt(opened.Customer, priority, dueAt), values);

    private CustomerText Render(TicketOpened opened, Occasion occasion) =>
        composer.Compose(occasion.Key, opened.TicketId, occasion.Kind, opened.Customer, occasion.Priority, occasion.DueAt, occasion.Values())!;

    private static Instant? FirstEventAfter(TicketHistory history, Instant now)
    {
        foreach (var e in history.Events)
            if (e.OccurredAt > now) return e.OccurredAt;
        return null;
    }

    /// <summary>The first response as the acknowledgement promised it: the deadline as it stood at the opening.</summary>
    /// <param name="assessment">The assessment at an instant when <paramref name="inEffect"/> events were in effect.</param>
    private Instant? PromisedFirstResponse(TicketHistory history, TicketOpened opened, TicketAssessment assessment, int inEffect)
    {
        var eventsAtOpening = 0;
        while (eventsAtOpening < history.Events.Length && history.Events[eventsAtOpening].OccurredAt <= opened.OccurredAt) eventsAtOpening++;
        if (promises.TryGetValue(opened, out var known) && known.EventsAtOpening == eventsAtOpening) return known.Deadline;
        // Clocks depend on the events in effect only: when those are the opening's (the plan made at the opening itself),
        // the assessment in hand has the clocks as they stood then, and the ticket is not laid out a second time.
        var clocks = inEffect == eventsAtOpening ? assessment.Clocks : engine.Layout(history, opened.OccurredAt).Clocks;
        var deadline = clocks.FirstOrDefault(c => c.Kind == ClockKind.FirstResponse && c.Cycle == 1)?.Deadline;
        promises.AddOrUpdate(opened, new Promise(eventsAtOpening, deadline));
        return deadline;
    }

    /// <summary>Whether the agent's first reply or the resolution came between the opening and <paramref name="sendAt"/>.</summary>
    private static bool Overtaken(TicketHistory history, TicketOpened opened, Instant sendAt)
    {
        foreach (var e in history.Events)
            if (e is AgentResponded or TicketResolved or TicketClosed && e.OccurredAt >= opened.OccurredAt && e.OccurredAt <= sendAt) return true;
        return false;
    }

    /// <summary>On opening: the ticket number and the first-response deadline as it stood then.</summary>
    private Occasion? Acknowledgement(TicketHistory history, TicketOpened opened, Instant? deadline)
    {
        // Nothing was promised (no policy for the priority): no acknowledgement can say by when.
        if (deadline is not { } by) return null;
        var acknowledgement = Owed(
            CustomerTextKeys.Acknowledgement(opened.TicketId, 1), TextKind.Acknowledgement, opened, opened.Priority, opened.OccurredAt,
            () => Values(opened, (TextPlaceholders.RespondBy, composer.LocalTime(by, opened.Customer))));
        // Held by quiet hours until after the agent's first reply or the resolution, it would promise what already happened.
        return Overtaken(history, opened, acknowledgement.SendAt) ? null : acknowledgement;
    }

    /// <summary>
    /// The first response the acknowledgement promised did not come by its deadline: one text saying we are late and
    /// what happens next, counted by the contact budget like a progress note. Not sent when the reply or the
    /// resolution came before it could go out (quiet hours).
    /// </summary>
    private Occasion? Apology(TicketHistory history, TicketFacts facts, TicketOpened opened, Instant? promised)
    {
        if (promised is not { } deadline) return null;
        foreach (var response in facts.Responses)
            if (response.OccurredAt <= deadline) return null;
        var apology = Owed(CustomerTextKeys.Apology(opened.TicketId, 1), TextKind.Apology, opened, facts.Priority, deadline, () => Values(opened));
        return Overtaken(history, opened, apology.SendAt) ? null : apology;
    }

    /// <summary>An update owed (update or commitment deadline passed without a reply), at most one a local day.</summary>
    private List<Occasion> ProgressNotes(TicketFacts facts, TicketOpened opened, TicketAssessment assessment)
    {
        if (assessment.Phase != TicketPhase.Active) return [];
        // The earliest missed deadline of each local day, in the order the days first come.
        List<(LocalDate Day, Instant Earliest)>? days = null;
        for (var c = 0; c < assessment.Clocks.Count; c++)
        {
            var clock = assessment.Clocks[c];
            if (clock.Cycle != assessment.Cycle || clock.Kind is not (ClockKind.Update or ClockKind.Commitment)) continue;
            if (clock.Deadline is not { } deadline || clock.StoppedAt is { } stopped && stopped <= deadline) continue;
            var day = deadline.InZone(composer.ZoneOf(opened.Customer)).Date;
            days ??= [];
            var known = 0;
            while (known < days.Count && days[known].Day != day) known++;
            if (known == days.Count) days.Add((day, deadline));
            else if (deadline < days[known].Earliest) days[known] = (day, deadline);
        }
        if (days is null) return [];
        var notes = new List<Occasion>(days.Count);
        foreach (var (day, earliest) in days) notes.Add(ProgressNote(opened, facts.Priority, day, earliest));
        return notes;
    }

    private Occasion ProgressNote(TicketOpened opened, string? priority, LocalDate day, Instant dueAt) =>
        Owed(CustomerTextKeys.Progress(opened.TicketId, day), TextKind.Progress, opened, priority, dueAt, () => Values(opened));

    /// <summary>The day before each visit still booked (and shortly before it, when set), while the ticket is open.</summary>
    // Adders rather than iterators, and the values' closures made in methods of their own: planned at every event of
    // every ticket, an iterator (or a closure over the parameters) would be allocated even when nothing is owed.
    private void AddAppointmentReminders(List<Occasion> planned, TicketHistory history, TicketFacts facts, TicketOpened opened, Instant now)
    {
        if (facts.IsResolved || facts.IsClosed) return;
        foreach (var booking in BookedVisits(history, now))
        {
            var valuesOf = AppointmentValues(opened, booking);
            var soonAt = texts.AppointmentSoonBefore is { } soon ? Later(booking.VisitAt - soon, booking.OccurredAt) : (Instant?)null;
            var dayBeforeAt = Later(booking.VisitAt - texts.AppointmentDayBeforeLead, booking.OccurredAt);
            // A visit booked at short notice gets one reminder, not two at once.
            if (dayBeforeAt < booking.VisitAt && (soonAt is not { } s || dayBeforeAt < s))
            {
                planned.Add(Owed(
                    CustomerTextKeys.AppointmentDayBefore(opened.TicketId, booking.EventId), TextKind.AppointmentDayBefore,
                    opened, facts.Priority, dayBeforeAt, valuesOf));
            }

            if (soonAt is { } at && at < booking.VisitAt)
            {
                planned.Add(Owed(
                    CustomerTextKeys.AppointmentSoon(opened.TicketId, booking.EventId), TextKind.AppointmentSoon,
                    opened, facts.Priority, at, valuesOf));
            }
        }
    }

    private Func<Dictionary<string, string>> AppointmentValues(TicketOpened opened, AppointmentScheduled booking) => () => Values(opened,
        (TextPlaceholders.VisitAt, composer.LocalTime(booking.VisitAt, opened.Customer)),
        (TextPlaceholders.Technician, booking.Technician ?? ""));

    /// <summary>The latest booking of each appointment not cancelled after it (a rebooking is a new event, so new reminders).</summary>
    private static IEnumerable<AppointmentScheduled> BookedVisits(TicketHistory history, Instant now)
    {
        Dictionary<string, AppointmentScheduled?>? latest = null;
        foreach (var e in history.Events)
        {
            if (e.OccurredAt > now) break;
            if (e is AppointmentScheduled scheduled) (latest ??= new(StringComparer.Ordinal))[scheduled.AppointmentId] = scheduled;
            else if (e is AppointmentCancelled cancelled) (latest ??= new(StringComparer.Ordinal))[cancelled.AppointmentId] = null;
        }

        return latest is null ? [] : latest.Values.OfType<AppointmentScheduled>();
    }

    /// <summary>Thank-you and survey after each resolution, and one reminder of an unanswered one; none once reopened.</summary>
    private void AddSurveys(List<Occasion> planned, TicketHistory history, TicketFacts facts, TicketOpened opened, IReadOnlySet<string> answered)
    {
        var cycles = facts.Cycles;
        for (var i = 0; i < cycles.Count; i++)
        {
            var cycle = cycles[i];
            if (cycle.End is not { } resolvedAt) continue;
            // Cycles are numbered in order from 1 (TicketFacts): the next one, if any, is the reopening.
            var reopenedAt = i + 1 < cycles.Count ? cycles[i + 1].Start : (Instant?)null;
            var surveyAt = resolvedAt + texts.SurveyDelay;
            if (reopenedAt is { } r && r <= surveyAt) continue;

            var valuesOf = SurveyValues(opened, cycle.Number, surveyAt);
            var surveyKey = CustomerTextKeys.Survey(opened.TicketId, cycle.Number);
            var survey = Owed(surveyKey, TextKind.Survey, opened, facts.Priority, surveyAt, valuesOf);
            planned.Add(survey);

            // Timed from when the survey went out (after quiet hours or a holiday held it), not from when it was due:
            // a reminder timed from the due instant would be held by the same quiet hours and arrive with the survey.
            var reminderAt = survey.SendAt + texts.SurveyReminderAfter;
            if (history.ProducedSteps.Contains(surveyKey) && !answered.Contains(surveyKey) && (reopenedAt is not { } again || again > reminderAt))
            {
                planned.Add(Owed(
                    CustomerTextKeys.SurveyReminder(opened.TicketId, cycle.Number), TextKind.SurveyReminder,
                    opened, facts.Priority, reminderAt, valuesOf));
            }
        }
    }

    private Func<Dictionary<string, string>> SurveyValues(TicketOpened opened, int cycle, Instant surveyAt) =>
        () => Values(opened, (TextPlaceholders.SurveyLink, composer.SurveyLink(opened.TicketId, cycle, surveyAt)));

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static Dictionary<string, string> Values(TicketOpened opened, params (string Name, string Value)[] more)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.TicketNumber] = opened.TicketId };
        foreach (var (name, value) in more) values[name] = value;
        return values;
    }
}
