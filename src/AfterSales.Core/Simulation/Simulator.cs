using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// Replays events in time order against the engine on a virtual clock, with in-memory tickets, and records
/// everything AfterSales would do: escalations, and every customer text at the instant it would be sent. The same
/// decisions as production: only the clock and the stores differ.
/// </summary>
public sealed class Simulator(
    AfterSalesSettings settings, TextSettings texts, TicketEventParser parser, DateTimeZone displayZone, RevisitSettings? revisits = null)
{
    /// <summary>Guards against a run that never settles: nothing is simulated past this long after the last event.</summary>
    private static readonly Duration Horizon = Duration.FromDays(366);

    private readonly SlaEngine engine = new(settings);
    private readonly TimelineText text = new(displayZone);
    private readonly CustomerTextPlanner planner = new(settings, texts);

    public SimulationResult Run(IEnumerable<string> lines, Instant? until = null)
    {
        var (events, rejected) = Read(lines);
        var customerTexts = new SimulatedTexts(texts, text);
        var revisitRun = new SimulatedRevisits(settings, texts, revisits ?? DefaultRevisits(), customerTexts);
        var run = new VirtualRun(engine, planner, customerTexts, revisitRun, text);
        var stopAt = until ?? (events.Count > 0 ? events[^1].OccurredAt + Horizon : Instant.MinValue);

        var next = 0;
        while (true)
        {
            var eventAt = next < events.Count ? events[next].OccurredAt : (Instant?)null;
            var wakeAt = run.NextWake;
            if (eventAt is null && wakeAt is null) break;
            var at = eventAt is { } e && (wakeAt is not { } w || e <= w) ? e : wakeAt!.Value;
            if (at > stopAt) break;

            if (eventAt == at) run.Receive(events[next++]);
            else run.Wake(at);
        }

        var endedAt = run.LastInstant;
        if (endedAt is not { } end) return new SimulationResult(run.Timeline, rejected, [], null, []);
        var assessed = Assessed(run, end);
        return new SimulationResult(run.Timeline, rejected, Summarise(run, assessed, end), endedAt, Outcomes(run, assessed, end));
    }

    private static RevisitSettings DefaultRevisits() =>
        RevisitSettingsLoader.LoadWithDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    private (List<AfterSalesEvent> Events, List<RejectedLine> Rejected) Read(IEnumerable<string> lines)
    {
        var events = new List<AfterSalesEvent>();
        var rejected = new List<RejectedLine>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var result = parser.Parse(line);
            if (result.Event is { } parsed) events.Add(parsed);
            else if (result.Rejection is { } rejection) rejected.Add(new RejectedLine(number, rejection));
        }
        // A stable sort keeps file order for events at the same instant.
        return ([.. events.OrderBy(e => e.OccurredAt)], rejected);
    }

    private List<TicketAssessment> Assessed(VirtualRun run, Instant end) =>
        [.. run.Tickets.Values.Select(h => engine.Assess(h, end)).Where(a => a.Policy is not null).OrderBy(a => a.TicketId, StringComparer.Ordinal)];

    private IReadOnlyList<PolicySummary> Summarise(VirtualRun run, List<TicketAssessment> assessments, Instant end) =>
        [.. assessments
            .GroupBy(a => a.Policy!)
            .OrderBy(g => settings.Sla.Policies.FirstOrDefault(p => p.Name == g.Key)?.Precedence ?? int.MaxValue)
            .Select(g => Summary(g.Key, [.. g], run.ProducedSteps, run.Timeline, end))];

    private static IReadOnlyList<TicketOutcome> Outcomes(VirtualRun run, List<TicketAssessment> assessments, Instant end)
    {
        var stepsByTicket = run.ProducedSteps.ToLookup(s => s.TicketId, StringComparer.Ordinal);
        return [.. assessments.Select(a => new TicketOutcome(
            a.TicketId, a.Policy!,
            a.Clocks.ToDictionary(c => $"{c.Cycle}/{c.ClockId}", c => c.OutcomeAt(end).ToString().ToLowerInvariant(), StringComparer.Ordinal),
            [.. stepsByTicket[a.TicketId].Select(s => s.Key).Order(StringComparer.Ordinal)]))];
    }

    private static PolicySummary Summary(
        string policy, IReadOnlyList<TicketAssessment> tickets, IReadOnlyList<EscalationStep> produced, IReadOnlyList<TimelineEntry> timeline, Instant end)
    {
        var clocks = tickets.SelectMany(t => t.Clocks).ToList();
        var firstResponses = clocks.Where(c => c.Kind == ClockKind.FirstResponse).ToList();
        var replyTimes = firstResponses.Where(c => c.StoppedBy == "AgentResponded" && c.ActiveTimeToStop is not null)
            .Select(c => c.ActiveTimeToStop!.Value).Order().ToList();
        var ticketIds = tickets.Select(t => t.TicketId).ToHashSet(StringComparer.Ordinal);
        var perLevel = produced.Where(s => ticketIds.Contains(s.TicketId))
            .GroupBy(s => s.Level).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PolicySummary(
            policy,
            tickets.Count,
            MetShare(firstResponses, end),
            MetShare(clocks.Where(c => c.Kind == ClockKind.Resolution), end),
            Percentile.NearestRank(replyTimes, 0.50),
            Percentile.NearestRank(replyTimes, 0.95),
            perLevel,
            firstResponses.Count(c => c.EndedUnanswered(end)),
            timeline.Where(e => e.Kind == TimelineKind.Text && ticketIds.Contains(e.TicketId))
                .GroupBy(e => TimelineText.KindName(e.CustomerText!.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            timeline.Count(e => e.Kind == TimelineKind.TextHeld && ticketIds.Contains(e.TicketId)));
    }

    private static double? MetShare(IEnumerable<ClockRun> clocks, Instant end)
    {
        var decided = clocks.Select(c => c.OutcomeAt(end))
            .Where(o => o is ClockOutcome.Met or ClockOutcome.Missed or ClockOutcome.Overdue)
            .ToList();
        return decided.Count == 0 ? null : (double)decided.Count(o => o == ClockOutcome.Met) / decided.Count;
    }

    /// <summary>The mutable state of one simulation: tickets, scheduled wake-ups and the timeline.</summary>
    private sealed class VirtualRun(
        SlaEngine engine, CustomerTextPlanner planner, SimulatedTexts customerTexts, SimulatedRevisits revisits, TimelineText text)
    {
        private readonly Dictionary<string, Instant> wakeups = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, ClockRun>> lastClocks = new(StringComparer.Ordinal);

        public Dictionary<string, TicketHistory> Tickets { get; } = new(StringComparer.Ordinal);
        public List<TimelineEntry> Timeline { get; } = [];
        public List<EscalationStep> ProducedSteps { get; } = [];
        public Instant? LastInstant { get; private set; }

        public Instant? NextWake => new[] { wakeups.Count == 0 ? (Instant?)null : wakeups.Values.Min(), revisits.NextDue }.Min();

        public void Receive(AfterSalesEvent received)
        {
            LastInstant = received.OccurredAt;
            if (received is not TicketEvent ticketEvent)
            {
                Timeline.AddRange(revisits.Enrol((DeliveryEvent)received));
                return;
            }

            var before = Tickets.GetValueOrDefault(ticketEvent.TicketId) ?? TicketHistory.Empty(ticketEvent.TicketId);
            var after = before.Apply(ticketEvent);
            if (ReferenceEquals(before, after))
            {
                Timeline.Add(new TimelineEntry(ticketEvent.OccurredAt, ticketEvent.TicketId, TimelineKind.Duplicate,
                    $"duplicate {ticketEvent.Type} {ticketEvent.EventId} ignored"));
                return;
            }
            Tickets[ticketEvent.TicketId] = after;
            Timeline.Add(new TimelineEntry(ticketEvent.OccurredAt, ticketEvent.TicketId, TimelineKind.Received, text.Describe(ticketEvent, engine, after)));
            Evaluate(ticketEvent.TicketId, ticketEvent.OccurredAt);
        }

        public void Wake(Instant at)
        {
            LastInstant = at;
            foreach (var ticketId in wakeups.Where(w => w.Value == at).Select(w => w.Key).Order(StringComparer.Ordinal).ToList())
            {
                wakeups.Remove(ticketId);
                Evaluate(ticketId, at);
            }
            Timeline.AddRange(revisits.Wake(at));
        }

        private void Evaluate(string ticketId, Instant now)
        {
            var history = Tickets[ticketId];
            var assessment = engine.Assess(history, now);
            ReportClockChanges(ticketId, now, assessment);
            foreach (var step in assessment.DueNow)
            {
                Timeline.Add(new TimelineEntry(now, ticketId, TimelineKind.Step, TimelineText.Describe(step, now, engine.CalendarOf(assessment)), step, history));
                ProducedSteps.Add(step);
            }
            foreach (var step in assessment.Superseded)
                Timeline.Add(new TimelineEntry(now, ticketId, TimelineKind.StepSuperseded, text.Superseded(step), step));
            Tickets[ticketId] = history.MarkProduced(assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key));
            var nextText = Text(ticketId, now);
            var next = new[] { assessment.NextDueAt, nextText, customerTexts.NextRetry(ticketId) }.Min();
            if (next is { } wake) wakeups[ticketId] = wake;
            else wakeups.Remove(ticketId);
        }

        /// <summary>Offers every text due now (held ones whose retry has come first); returns when the next one falls due.</summary>
        private Instant? Text(string ticketId, Instant now)
        {
            foreach (var retry in customerTexts.DueRetries(ticketId, now)) Timeline.Add(customerTexts.Offer(retry, now));
            while (true)
            {
                // Producing a text can plan another (a sent survey gets its reminder), so plan until nothing is due.
                var plan = planner.Plan(Tickets[ticketId], now);
                if (plan.DueNow.Count == 0) return plan.NextDueAt;
                foreach (var due in plan.DueNow) Timeline.Add(customerTexts.Offer(due, now));
                Tickets[ticketId] = Tickets[ticketId].MarkProduced(plan.DueNow.Select(t => t.Key));
            }
        }

        private void ReportClockChanges(string ticketId, Instant now, TicketAssessment assessment)
        {
            var previous = lastClocks.GetValueOrDefault(ticketId) ?? [];
            var current = assessment.Clocks.ToDictionary(c => $"{c.Cycle}/{c.ClockId}", StringComparer.Ordinal);
            foreach (var (key, clock) in current)
            {
                previous.TryGetValue(key, out var before);
                foreach (var (kind, line, slack) in text.DescribeChange(before, clock, now))
                    Timeline.Add(new TimelineEntry(now, ticketId, kind, line, Slack: slack));
            }
            lastClocks[ticketId] = current;
        }
    }
}
