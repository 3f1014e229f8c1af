using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The mutable state of one simulation: tickets still in play, scheduled wake-ups, and what finished tickets leave
/// for the summary. A ticket leaves play once it has no event still to come and nothing scheduled. Without a sink (a
/// comparison reads only the summary and the outcomes) the timeline is not worded at all.
/// </summary>
internal sealed class SimulationRun(
    SlaEngine engine, CustomerTextPlanner planner, SimulatedTexts customerTexts, SimulatedRevisits revisits, TimelineText text,
    Action<TimelineEntry>? sink, Dictionary<string, int> eventsToCome, SimulatedReports? reports = null)
{
    private readonly Dictionary<string, Instant> wakeups = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, Instant> wakeQueue = new();
    private static readonly int TextKindCount = Enum.GetValues<TextKind>().Length;

    private readonly Dictionary<string, IReadOnlyList<ClockRun>> lastClocks = new(StringComparer.Ordinal);

    /// <summary>Each ticket's layout, laid out again only when another of its events takes effect (not at every wake-up).</summary>
    private readonly Dictionary<string, TicketLayout> layouts = new(StringComparer.Ordinal);
    /// <summary>Each ticket's texts owed, worked out again only when another event takes effect or a survey goes out.</summary>
    private readonly Dictionary<string, TextOutlook> outlooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TicketHistory> tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProducedStep>> steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int[] Sent, int Held)> textCounts = new(StringComparer.Ordinal);
    private readonly List<FinishedTicket> finished = [];

    /// <summary>Counts each opening for its customer; set by the simulator when the three-strikes rule is on.</summary>
    public SimulatedStrikes? Strikes { get; init; }

    public Instant? LastInstant { get; private set; }

    /// <summary>Whether some ticket can still change (events to come, or something scheduled).</summary>
    public bool TicketsInPlay => tickets.Count > 0;

    public Instant? NextWake
    {
        get
        {
            // Entries whose ticket was re-scheduled or finished since are stale: drop them on the way.
            while (wakeQueue.TryPeek(out var ticketId, out var at) && (!wakeups.TryGetValue(ticketId, out var current) || current != at))
                wakeQueue.Dequeue();
            var ticketWake = wakeQueue.TryPeek(out _, out var next) ? next : (Instant?)null;
            return Earliest(ticketWake, revisits.NextDue);
        }
    }

    public void Receive(AfterSalesEvent received)
    {
        LastInstant = received.OccurredAt;
        if (received is not TicketEvent ticketEvent)
        {
            foreach (var entry in revisits.Enrol((DeliveryEvent)received)) Emit(entry);
            return;
        }

        var ticketId = ticketEvent.TicketId;
        eventsToCome[ticketId]--;
        var before = tickets.GetValueOrDefault(ticketId) ?? TicketHistory.Empty(ticketId);
        var after = before.Apply(ticketEvent);
        if (ReferenceEquals(before, after))
        {
            if (Narrating) Emit(new TimelineEntry(ticketEvent.OccurredAt, ticketId, TimelineKind.Duplicate, $"duplicate {ticketEvent.Type} {ticketEvent.EventId} ignored"));
            FinishIfDone(ticketId, ticketEvent.OccurredAt);
            return;
        }
        tickets[ticketId] = after;
        if (Narrating) Emit(new TimelineEntry(ticketEvent.OccurredAt, ticketId, TimelineKind.Received, text.Describe(ticketEvent, engine, after)));
        if (ticketEvent is TicketOpened opened && Strikes is not null)
        {
            foreach (var flag in Strikes.Opened(opened))
            {
                Emit(flag);
                if (tickets.ContainsKey(flag.TicketId)) StepsOf(flag.TicketId).Add(ProducedStep.Of(flag.Step!));
            }
        }
        Evaluate(ticketId, ticketEvent.OccurredAt);
    }

    public void Wake(Instant at)
    {
        LastInstant = at;
        var due = new List<string>();
        while (wakeQueue.TryPeek(out var ticketId, out var when) && when <= at)
        {
            wakeQueue.Dequeue();
            if (wakeups.TryGetValue(ticketId, out var current) && current == when && when == at) due.Add(ticketId);
        }
        foreach (var ticketId in due.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            wakeups.Remove(ticketId);
            Evaluate(ticketId, at);
        }
        foreach (var entry in revisits.Wake(at)) Emit(entry);
    }

    /// <summary>Everything still in play is assessed at <paramref name="end"/>; returns every ticket that had a policy.</summary>
    public IReadOnlyList<FinishedTicket> Finish(Instant end)
    {
        foreach (var ticketId in tickets.Keys.ToList()) Retire(ticketId, end);
        return finished;
    }

    private void Evaluate(string ticketId, Instant now)
    {
        var history = tickets[ticketId];
        if (!layouts.TryGetValue(ticketId, out var layout) || !layout.Covers(history, now)) layouts[ticketId] = layout = engine.Layout(history, now, layout);
        var assessment = SlaEngine.Assess(history, now, layout);
        // Only an active ticket is woken again and again (its steps); a resolved one waits for a text or two: its layout is not kept.
        if (layout.Phase != TicketPhase.Active) layouts.Remove(ticketId);
        reports?.Count(history, assessment, now);
        if (Narrating) ReportClockChanges(ticketId, now, assessment);
        var calendar = Narrating && assessment.DueNow.Count > 0 ? engine.CalendarOf(assessment) : null;
        foreach (var step in assessment.DueNow)
        {
            if (Narrating) Emit(new TimelineEntry(now, ticketId, TimelineKind.Step, TimelineText.Describe(step, now, engine.CalendarOf(step, calendar!)), step, history));
            StepsOf(ticketId).Add(ProducedStep.Of(step));
            reports?.StepSent(step, assessment, now);
        }
        if (Narrating)
        {
            foreach (var step in assessment.Superseded)
                Emit(new TimelineEntry(now, ticketId, TimelineKind.StepSuperseded, text.Superseded(step), step));
        }
        if (assessment.DueNow.Count + assessment.Superseded.Count > 0)
            tickets[ticketId] = history.MarkProduced(assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key));
        var nextText = Text(ticketId, now, assessment);
        var next = Earliest(Earliest(assessment.NextDueAt, nextText), customerTexts.NextRetry(ticketId));
        if (next is { } wake)
        {
            wakeups[ticketId] = wake;
            wakeQueue.Enqueue(ticketId, wake);
        }
        else
        {
            wakeups.Remove(ticketId);
            // Nothing scheduled: the clocks just assessed are the ones the ticket retires with (texts do not change them).
            FinishIfDone(ticketId, now, assessment);
        }
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is not { } x ? b : b is not { } y ? a : x < y ? x : y;

    /// <summary>Offers every text due now (held ones whose retry has come first); returns when the next one falls due.</summary>
    private Instant? Text(string ticketId, Instant now, TicketAssessment assessment)
    {
        foreach (var retry in customerTexts.DueRetries(ticketId, now)) Emit(customerTexts.Offer(retry, now));
        while (true)
        {
            // Producing a text can plan another (a sent survey gets its reminder), so plan until nothing is due.
            var outlook = outlooks.GetValueOrDefault(ticketId);
            var plan = planner.Plan(tickets[ticketId], now, assessment, ref outlook);
            if (outlook is null) outlooks.Remove(ticketId);
            else outlooks[ticketId] = outlook;
            if (plan.DueNow.Count == 0) return plan.NextDueAt;
            foreach (var due in plan.DueNow) Emit(customerTexts.Offer(due, now));
            tickets[ticketId] = tickets[ticketId].MarkProduced(plan.DueNow.Select(t => t.Key));
        }
    }

    /// <summary>A ticket with no event still to come and nothing scheduled can no longer change the output.</summary>
    private void FinishIfDone(string ticketId, Instant now, TicketAssessment? assessment = null)
    {
        if (eventsToCome.GetValueOrDefault(ticketId) > 0 || wakeups.ContainsKey(ticketId) || !tickets.ContainsKey(ticketId)) return;
        Retire(ticketId, now, assessment);
    }

    /// <param name="assessment">The ticket's assessment at <paramref name="at"/>, when the caller has it.</param>
    private void Retire(string ticketId, Instant at, TicketAssessment? assessment = null)
    {
        assessment ??= engine.Assess(tickets[ticketId], at);
        if (assessment.Policy is { } policy)
        {
            var counts = textCounts.GetValueOrDefault(ticketId, (new int[TextKindCount], 0));
            var clocks = new FinishedClock[assessment.Clocks.Count];
            for (var i = 0; i < clocks.Length; i++) clocks[i] = FinishedClock.Of(assessment.Clocks[i], at);
            finished.Add(new FinishedTicket(ticketId, policy, clocks, [.. steps.GetValueOrDefault(ticketId) ?? []], counts.Item1, counts.Item2));
        }
        tickets.Remove(ticketId);
        lastClocks.Remove(ticketId);
        layouts.Remove(ticketId);
        outlooks.Remove(ticketId);
        steps.Remove(ticketId);
        textCounts.Remove(ticketId);
        eventsToCome.Remove(ticketId);
        customerTexts.Forget(ticketId);
        reports?.Forget(ticketId);
    }

    private List<ProducedStep> StepsOf(string ticketId) =>
        steps.TryGetValue(ticketId, out var produced) ? produced : steps[ticketId] = [];

    private void Emit(TimelineEntry entry)
    {
        if (entry.CustomerText is { } customerText && entry.Kind is TimelineKind.Text or TimelineKind.TextHeld && tickets.ContainsKey(entry.TicketId))
        {
            var counts = textCounts.GetValueOrDefault(entry.TicketId, (new int[TextKindCount], 0));
            if (entry.Kind == TimelineKind.Text) counts.Item1[(int)customerText.Kind]++;
            else counts.Item2++;
            textCounts[entry.TicketId] = counts;
        }
        sink?.Invoke(entry);
    }

    private bool Narrating => sink is not null;

    private void ReportClockChanges(string ticketId, Instant now, TicketAssessment assessment)
    {
        var previous = lastClocks.GetValueOrDefault(ticketId) ?? [];
        // The same layout: the very same clocks, nothing can have changed.
        if (ReferenceEquals(previous, assessment.Clocks)) return;
        foreach (var clock in assessment.Clocks)
        {
            foreach (var (kind, line, slack) in text.DescribeChange(Same(previous, clock), clock, now))
                Emit(new TimelineEntry(now, ticketId, kind, line, Slack: slack));
        }
        lastClocks[ticketId] = assessment.Clocks;
    }

    /// <summary>The run of the same clock (cycle and id) in an earlier assessment; null when it is new.</summary>
    private static ClockRun? Same(IReadOnlyList<ClockRun> previous, ClockRun clock)
    {
        foreach (var before in previous)
            if (before.Cycle == clock.Cycle && string.Equals(before.ClockId, clock.ClockId, StringComparison.Ordinal)) return before;
        return null;
    }
}
