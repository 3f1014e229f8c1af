using AfterSales.Core.Events;
using AfterSales.Core.Reports;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The events of a simulation in time order, the lines that could not be understood, and how many events each ticket
/// has (so a ticket leaves play after its last one). The events are enumerated once, by the run.
/// </summary>
public sealed class SimulationInput
{
    internal SimulationInput(
        IEnumerable<AfterSalesEvent> events, int count, Instant? lastAt, Dictionary<string, int> eventsPerTicket, IReadOnlyList<RejectedLine> rejected)
    {
        Events = events;
        Count = count;
        LastAt = lastAt;
        EventsPerTicket = eventsPerTicket;
        Rejected = rejected;
    }

    public IReadOnlyList<RejectedLine> Rejected { get; }

    /// <summary>How many events the run will apply.</summary>
    public int Count { get; }

    internal IEnumerable<AfterSalesEvent> Events { get; }
    internal Instant? LastAt { get; }
    internal Dictionary<string, int> EventsPerTicket { get; }
}

/// <summary>How far a long simulation has come: events applied of all, and the virtual instant reached.</summary>
public sealed record SimulationProgress(int EventsApplied, int EventsTotal, Instant VirtualNow);

/// <summary>
/// Replays events in time order against the engine on a virtual clock, with in-memory tickets, and records
/// everything AfterSales would do: escalations, and every customer text at the instant it would be sent. The same
/// decisions as production: only the clock and the stores differ. The timeline streams to a sink, and a ticket's state
/// is dropped as soon as nothing can change it any more, so a month of a large helpdesk fits in memory.
/// </summary>
public sealed class Simulator(
    AfterSalesSettings settings, TextSettings texts, TicketEventParser parser, DateTimeZone displayZone, RevisitSettings? revisits = null,
    ReportSettings? reports = null)
{
    /// <summary>Guards against a run that never settles: nothing is simulated past this long after the last event.</summary>
    private static readonly Duration Horizon = Duration.FromDays(366);

    /// <summary>Long enough for the last ticket's week and month to be reported.</summary>
    private static readonly Duration ReportsAfterLastTicket = Duration.FromDays(32);

    private readonly SlaEngine engine = new(settings);
    private readonly TimelineText text = new(displayZone);
    private readonly CustomerTextPlanner planner = new(settings, texts);

    /// <summary>Runs and keeps the whole timeline in the result: for tests and small files.</summary>
    public SimulationResult Run(IEnumerable<string> lines, Instant? until = null)
    {
        var timeline = new List<TimelineEntry>();
        var result = Run(Read(lines), until, timeline.Add);
        return result with { Timeline = timeline };
    }

    /// <summary>Runs and hands every timeline entry to <paramref name="sink"/> as it happens; the result's timeline is empty.</summary>
    /// <param name="sink">Null when only the summary and the outcomes are read (a comparison): the timeline is then not worded at all.</param>
    /// <param name="progressEvery">Events between two calls of <paramref name="progress"/>.</param>
    public SimulationResult Run(
        SimulationInput input, Instant? until, Action<TimelineEntry>? sink, Action<SimulationProgress>? progress = null, int progressEvery = 20_000)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The input is run once: its count of each ticket's events is counted down (and emptied) by the run, not copied.
        var remaining = input.EventsPerTicket;

        var customerTexts = new SimulatedTexts(texts, sink is null ? null : text);
        var revisitRun = new SimulatedRevisits(settings, texts, revisits ?? DefaultRevisits(), customerTexts);
        using var source = input.Events.GetEnumerator();
        var pending = source.MoveNext() ? source.Current : null;
        var digests = reports is null || pending is null ? null : new SimulatedReports(settings, reports, engine, pending.OccurredAt);
        var run = new SimulationRun(engine, planner, customerTexts, revisitRun, text, sink, remaining, digests) { Strikes = new SimulatedStrikes(settings) };
        var stopAt = until ?? (input.LastAt is { } last ? last + Horizon : Instant.MinValue);

        var applied = 0;
        var lastBusy = Instant.MinValue;
        while (true)
        {
            var eventAt = pending?.OccurredAt;
            var wakeAt = run.NextWake;
            if (eventAt is null && wakeAt is null) break;
            var at = eventAt is { } e && (wakeAt is not { } w || e <= w) ? e : wakeAt!.Value;
            if (eventAt is not null || run.TicketsInPlay) lastBusy = at;
            // Digests and reports go out at their instants (after what happens at the same instant), until a month after the
            // last ticket left play: the revisits can run on for a year, and a year of empty digests says nothing.
            if (digests?.NextDue is { } reportAt && reportAt < at && reportAt - lastBusy <= ReportsAfterLastTicket)
            {
                if (reportAt > stopAt) break;
                foreach (var entry in digests.Wake(reportAt)) sink?.Invoke(entry);
                continue;
            }

            if (at > stopAt) break;

            if (eventAt == at)
            {
                run.Receive(pending!);
                applied++;
                pending = source.MoveNext() ? source.Current : null;
                if (progress is not null && applied % progressEvery == 0) progress(new SimulationProgress(applied, input.Count, at));
            }
            else run.Wake(at);
        }

        if (run.LastInstant is not { } end) return new SimulationResult([], input.Rejected, [], null, []);
        var finished = run.Finish(end);
        // Each ticket's outcome is for a comparison: a single run's report never builds them.
        return new SimulationResult([], input.Rejected, Summarise(finished, end), end, new BuiltWhenRead<TicketOutcome>(() => [.. Outcomes(finished, end)]))
            { OutcomesInOrder = Outcomes(finished, end) };
    }

    /// <summary>Reads and parses every line into memory, sorted by time (file order kept at the same instant).</summary>
    public SimulationInput Read(IEnumerable<string> lines)
    {
        var events = new List<AfterSalesEvent?>();
        var (rejected, _) = Scan(lines, events.Add);
        // A stable sort keeps file order for events at the same instant.
        List<AfterSalesEvent?> sorted = [.. events.OrderBy(e => e!.OccurredAt)];
        return new SimulationInput(Consume(sorted), sorted.Count, sorted.Count > 0 ? sorted[^1]!.OccurredAt : null, PerTicket(sorted), rejected);
    }

    /// <summary>
    /// Reads a file of events in two passes when it is in time order (as a helpdesk's export is): the first counts each
    /// ticket's events and finds the lines that cannot be understood, the second streams the events to the run, so a month
    /// of a large helpdesk is never in memory at once. A file out of order is read into memory and sorted instead.
    /// </summary>
    /// <param name="open">Opens the file's lines afresh, once per pass.</param>
    public SimulationInput Read(Func<IEnumerable<string>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var perTicket = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        Instant? lastAt = null;
        var inOrder = true;
        var (rejected, rejectedLines) = Scan(open(), e =>
        {
            count++;
            if (lastAt is { } previous && e.OccurredAt < previous) inOrder = false;
            lastAt = lastAt is { } l && l > e.OccurredAt ? l : e.OccurredAt;
            if (e is TicketEvent t) perTicket[t.TicketId] = perTicket.GetValueOrDefault(t.TicketId) + 1;
        });
        return inOrder ? new SimulationInput(Stream(open, rejectedLines), count, lastAt, perTicket, rejected) : Read(open());
    }

    /// <summary>
    /// The input of both runs of a comparison. When both simulators parse alike, the file is read and parsed once and
    /// each event handed to both runs (they must then run concurrently: the faster one waits when it is
    /// <see cref="SharedLead"/> events ahead); otherwise each reads it as <see cref="Read(Func{IEnumerable{string}})"/> does.
    /// </summary>
    public static (SimulationInput Current, SimulationInput Proposed) ReadForComparison(
        Simulator current, Simulator proposed, Func<IEnumerable<string>> open)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        if (!current.Parser.ParsesLike(proposed.Parser)) return (current.Read(open), proposed.Read(open));
        var input = current.Read(open);
        var events = EventBroadcast<AfterSalesEvent>.Of(input.Events, readers: 2, SharedLead);
        return (new SimulationInput(events[0], input.Count, input.LastAt, input.EventsPerTicket, input.Rejected),
            new SimulationInput(events[1], input.Count, input.LastAt, new Dictionary<string, int>(input.EventsPerTicket, StringComparer.Ordinal), input.Rejected));
    }

    /// <summary>How far one run of a comparison may read ahead of the other.</summary>
    internal const int SharedLead = 4_096;

    private TicketEventParser Parser => parser;

    /// <returns>The rejected lines, and their numbers.</returns>
    private (List<RejectedLine> Rejected, HashSet<int> Numbers) Scan(IEnumerable<string> lines, Action<AfterSalesEvent> accepted)
    {
        var rejected = new List<RejectedLine>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var result = parser.Parse(line);
            if (result.Event is { } parsed) accepted(parsed);
            else if (result.Rejection is { } rejection) rejected.Add(new RejectedLine(number, rejection));
        }
        return (rejected, [.. rejected.Select(r => r.LineNumber)]);
    }

    private IEnumerable<AfterSalesEvent> Stream(Func<IEnumerable<string>> open, HashSet<int> rejectedLines)
    {
        var number = 0;
        foreach (var line in open())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || rejectedLines.Contains(number)) continue;
            if (parser.Parse(line).Event is { } parsed) yield return parsed;
        }
    }

    /// <summary>Hands out the events in order and lets go of each (the ticket's history holds what it needs).</summary>
    private static IEnumerable<AfterSalesEvent> Consume(List<AfterSalesEvent?> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var next = events[i]!;
            events[i] = null;
            yield return next;
        }
    }

    private static Dictionary<string, int> PerTicket(IEnumerable<AfterSalesEvent?> events)
    {
        var perTicket = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events.OfType<TicketEvent>()) perTicket[e.TicketId] = perTicket.GetValueOrDefault(e.TicketId) + 1;
        return perTicket;
    }

    private static RevisitSettings DefaultRevisits() =>
        RevisitSettingsLoader.LoadWithDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    private IReadOnlyList<PolicySummary> Summarise(IReadOnlyList<FinishedTicket> tickets, Instant end) =>
        [.. tickets
            .GroupBy(t => t.Policy)
            .OrderBy(g => settings.Sla.Policies.FirstOrDefault(p => p.Name == g.Key)?.Precedence ?? int.MaxValue)
            .Select(g => Summary(g.Key, [.. g], end))];

    /// <summary><c>met</c>, <c>missed</c>, … one string each, not one per clock of a hundred thousand tickets.</summary>
    private static readonly string[] OutcomeNames = [.. Enum.GetValues<ClockOutcome>().Select(o => o.ToString().ToLowerInvariant())];

    /// <summary>Each ticket's outcome in ticket order, built as it is read: a comparison looks at one of each run at a time.</summary>
    private static IEnumerable<TicketOutcome> Outcomes(IReadOnlyList<FinishedTicket> tickets, Instant end) =>
        tickets.OrderBy(t => t.TicketId, StringComparer.Ordinal).Select(t => new TicketOutcome(
            t.TicketId, t.Policy,
            t.Clocks.ToDictionary(c => $"{c.Cycle}/{c.ClockId}", c => OutcomeNames[(int)c.OutcomeAt(end)], StringComparer.Ordinal),
            [.. t.Steps.Select(s => s.KeyFor(t.TicketId)).Order(StringComparer.Ordinal)]));

    /// <summary>
    /// One pass over the policy's tickets with counters: no list of every clock or step, which at the end of a large
    /// helpdesk's month would be the run's largest allocations.
    /// </summary>
    private static PolicySummary Summary(string policy, IReadOnlyList<FinishedTicket> tickets, Instant end)
    {
        var firstResponse = new MetCount();
        var resolution = new MetCount();
        var unanswered = 0;
        var replyTimes = new List<Duration>();
        var perLevel = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var textsSent = new int[Enum.GetValues<TextKind>().Length];
        var held = 0;
        foreach (var ticket in tickets)
        {
            foreach (var clock in ticket.Clocks)
            {
                var outcome = clock.OutcomeAt(end);
                if (clock.Kind == ClockKind.FirstResponse)
                {
                    firstResponse.Add(outcome);
                    if (outcome == ClockOutcome.Unanswered) unanswered++;
                    if (clock.ReplyTime is { } replyTime) replyTimes.Add(replyTime);
                }
                else if (clock.Kind == ClockKind.Resolution)
                {
                    resolution.Add(outcome);
                }
            }
            foreach (var step in ticket.Steps) perLevel[step.Level] = perLevel.GetValueOrDefault(step.Level) + 1;
            for (var kind = 0; kind < textsSent.Length; kind++) textsSent[kind] += ticket.TextsSent[kind];
            held += ticket.TextsHeld;
        }
        replyTimes.Sort();

        var textsPerKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<TextKind>())
            if (textsSent[(int)kind] > 0) textsPerKind[TimelineText.KindName(kind)] = textsSent[(int)kind];

        return new PolicySummary(
            policy,
            tickets.Count,
            firstResponse.Share,
            resolution.Share,
            Percentile.NearestRank(replyTimes, 0.50),
            Percentile.NearestRank(replyTimes, 0.95),
            perLevel.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            unanswered,
            textsPerKind.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            held);
    }

    /// <summary>Clocks met among those decided (met, missed or overdue); running, paused and unanswered ones do not count.</summary>
    private struct MetCount
    {
        private int met;
        private int decided;

        public void Add(ClockOutcome outcome)
        {
            if (outcome is not (ClockOutcome.Met or ClockOutcome.Missed or ClockOutcome.Overdue)) return;
            decided++;
            if (outcome == ClockOutcome.Met) met++;
        }

        public readonly double? Share => decided == 0 ? null : (double)met / decided;
    }
}
