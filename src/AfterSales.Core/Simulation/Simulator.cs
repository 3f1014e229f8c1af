using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>The events of a simulation, read and sorted, and the lines that could not be understood.</summary>
public sealed record SimulationInput(List<AfterSalesEvent?> Events, IReadOnlyList<RejectedLine> Rejected);

/// <summary>How far a long simulation has come: events applied of all, and the virtual instant reached.</summary>
public sealed record SimulationProgress(int EventsApplied, int EventsTotal, Instant VirtualNow);

/// <summary>
/// Replays events in time order against the engine on a virtual clock, with in-memory tickets, and records
/// everything AfterSales would do: escalations, and every customer text at the instant it would be sent. The same
/// decisions as production: only the clock and the stores differ. The timeline streams to a sink, and a ticket's state
/// is dropped as soon as nothing can change it any more, so a month of a large helpdesk fits in memory.
/// </summary>
public sealed class Simulator(
    AfterSalesSettings settings, TextSettings texts, TicketEventParser parser, DateTimeZone displayZone, RevisitSettings? revisits = null)
{
    /// <summary>Guards against a run that never settles: nothing is simulated past this long after the last event.</summary>
    private static readonly Duration Horizon = Duration.FromDays(366);

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
    /// <param name="progressEvery">Events between two calls of <paramref name="progress"/>.</param>
    public SimulationResult Run(
        SimulationInput input, Instant? until, Action<TimelineEntry> sink, Action<SimulationProgress>? progress = null, int progressEvery = 20_000)
    {
        ArgumentNullException.ThrowIfNull(input);
        var events = input.Events;
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events.OfType<TicketEvent>()) remaining[e.TicketId] = remaining.GetValueOrDefault(e.TicketId) + 1;

        var customerTexts = new SimulatedTexts(texts, text);
        var revisitRun = new SimulatedRevisits(settings, texts, revisits ?? DefaultRevisits(), customerTexts);
        var run = new SimulationRun(engine, planner, customerTexts, revisitRun, text, sink, remaining) { Strikes = new SimulatedStrikes(settings) };
        var lastEventAt = events.Count > 0 ? events[^1]!.OccurredAt : (Instant?)null;
        var stopAt = until ?? (lastEventAt is { } last ? last + Horizon : Instant.MinValue);

        var next = 0;
        while (true)
        {
            var eventAt = next < events.Count ? events[next]!.OccurredAt : (Instant?)null;
            var wakeAt = run.NextWake;
            if (eventAt is null && wakeAt is null) break;
            var at = eventAt is { } e && (wakeAt is not { } w || e <= w) ? e : wakeAt!.Value;
            if (at > stopAt) break;

            if (eventAt == at)
            {
                run.Receive(events[next]!);
                // The ticket's history holds what it needs; the list lets go of the event.
                events[next++] = null;
                if (progress is not null && next % progressEvery == 0) progress(new SimulationProgress(next, events.Count, at));
            }
            else run.Wake(at);
        }

        if (run.LastInstant is not { } end) return new SimulationResult([], input.Rejected, [], null, []);
        var finished = run.Finish(end);
        return new SimulationResult([], input.Rejected, Summarise(finished, end), end, Outcomes(finished, end));
    }

    /// <summary>Reads and parses every line, sorted by time (file order kept at the same instant).</summary>
    public SimulationInput Read(IEnumerable<string> lines)
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
        return new SimulationInput([.. events.OrderBy(e => e.OccurredAt)], rejected);
    }

    private static RevisitSettings DefaultRevisits() =>
        RevisitSettingsLoader.LoadWithDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    private IReadOnlyList<PolicySummary> Summarise(IReadOnlyList<FinishedTicket> tickets, Instant end) =>
        [.. tickets
            .GroupBy(t => t.Policy)
            .OrderBy(g => settings.Sla.Policies.FirstOrDefault(p => p.Name == g.Key)?.Precedence ?? int.MaxValue)
            .Select(g => Summary(g.Key, [.. g], end))];

    private static IReadOnlyList<TicketOutcome> Outcomes(IReadOnlyList<FinishedTicket> tickets, Instant end) =>
        [.. tickets.OrderBy(t => t.TicketId, StringComparer.Ordinal).Select(t => new TicketOutcome(
            t.TicketId, t.Policy,
            t.Clocks.ToDictionary(c => $"{c.Cycle}/{c.ClockId}", c => c.OutcomeAt(end).ToString().ToLowerInvariant(), StringComparer.Ordinal),
            [.. t.StepKeys.Order(StringComparer.Ordinal)]))];

    private static PolicySummary Summary(string policy, IReadOnlyList<FinishedTicket> tickets, Instant end)
    {
        var clocks = tickets.SelectMany(t => t.Clocks).ToList();
        var firstResponses = clocks.Where(c => c.Kind == ClockKind.FirstResponse).ToList();
        var replyTimes = firstResponses.Where(c => c.StoppedBy == "AgentResponded" && c.ActiveTimeToStop is not null)
            .Select(c => c.ActiveTimeToStop!.Value).Order().ToList();
        var perLevel = tickets.SelectMany(t => t.StepKeys).GroupBy(LevelOf).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var textsPerKind = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<TextKind>())
        {
            var count = tickets.Sum(t => t.TextsSent[(int)kind]);
            if (count > 0) textsPerKind[TimelineText.KindName(kind)] = count;
        }

        return new PolicySummary(
            policy,
            tickets.Count,
            MetShare(firstResponses, end),
            MetShare(clocks.Where(c => c.Kind == ClockKind.Resolution), end),
            Percentile.NearestRank(replyTimes, 0.50),
            Percentile.NearestRank(replyTimes, 0.95),
            perLevel,
            firstResponses.Count(c => c.EndedUnanswered(end)),
            textsPerKind.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            tickets.Sum(t => t.TextsHeld));
    }

    /// <summary><c>T-1/first-response/supervisor/1</c> → <c>supervisor</c>.</summary>
    private static string LevelOf(string stepKey)
    {
        var end = stepKey.LastIndexOf('/');
        var start = stepKey.LastIndexOf('/', end - 1);
        return stepKey[(start + 1)..end];
    }

    private static double? MetShare(IEnumerable<ClockRun> clocks, Instant end)
    {
        var decided = clocks.Select(c => c.OutcomeAt(end))
            .Where(o => o is ClockOutcome.Met or ClockOutcome.Missed or ClockOutcome.Overdue)
            .ToList();
        return decided.Count == 0 ? null : (double)decided.Count(o => o == ClockOutcome.Met) / decided.Count;
    }
}
