using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.TestSupport;

internal static class Assessments
{
    /// <summary>Plays the ticket forward like the sweep does: at every event and due instant up to <paramref name="until"/>, produce what is due.</summary>
    public static List<EscalationStep> Sweep(TicketHistory history, string until, AfterSalesSettings? settings = null)
    {
        var engine = new SlaEngine(settings ?? TestSettings.Defaults());
        var end = At(until);
        var produced = new List<EscalationStep>();
        var now = history.Events.Min(e => e.OccurredAt);
        while (now <= end)
        {
            var assessment = engine.Assess(history, now);
            produced.AddRange(assessment.DueNow);
            history = history.MarkProduced(assessment.DueNow.Select(s => s.Key));
            var nextEvent = history.Events.Where(e => e.OccurredAt > now).Select(e => (Instant?)e.OccurredAt).Min();
            var next = new[] { assessment.NextDueAt, nextEvent }.Where(i => i is not null).Min();
            if (next is not { } later) break;
            now = later;
        }
        return produced;
    }

    /// <summary>The lines of the major incident chain a P1 opened at <paramref name="at"/> produces by default (in step key order), beside its ladder.</summary>
    public static string[] P1Chain(string at) =>
    [
        $"major-incident-department-head major-incident @ {at}",
        $"major-incident-duty-manager major-incident @ {at}",
        $"major-incident-manager major-incident @ {at}",
    ];

    /// <summary>"level clock @ local time" lines, compact enough to compare whole ladders.</summary>
    public static string[] Describe(IEnumerable<EscalationStep> steps) =>
        [.. steps.Select(s => $"{s.Level} {s.ClockId} @ {Show(s.DueAt)}")];

    public static ClockRun Clock(this TicketAssessment assessment, string clockId, int cycle = 1) =>
        assessment.Clocks.Single(c => c.ClockId == clockId && c.Cycle == cycle);

    public static Instant Deadline(this TicketAssessment assessment, string clockId, int cycle = 1) =>
        assessment.Clock(clockId, cycle).Deadline ?? throw new InvalidOperationException($"{clockId} has no deadline");
}
