using System.Globalization;
using AfterSales.Core.Simulation;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Cli;

/// <summary>The human-readable report of a simulation: rejected lines, timeline, summary per policy.</summary>
public sealed class SimulationTextWriter(DateTimeZone zone, TextWriter output) : ISimulationWriter
{
    private readonly TimelineText text = new(zone);

    public void Begin(IReadOnlyList<RejectedLine> rejected)
    {
        output.WriteLine($"AfterSales simulation (times in {zone.Id})");
        if (rejected.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Rejected events (kept for an admin to fix and replay)");
            foreach (var line in rejected)
                output.WriteLine($"  line {line.LineNumber}: {line.Rejection}");
        }

        output.WriteLine();
        output.WriteLine("Timeline");
    }

    public void Entry(TimelineEntry entry) => output.WriteLine($"  {text.Time(entry.At)}  {entry.TicketId,-8} {entry.Text}");

    public void End(IReadOnlyList<PolicySummary> summary)
    {
        output.WriteLine();
        output.WriteLine("Summary per policy");
        output.WriteLine($"  {"policy",-10} {"tickets",7} {"first response met",18} {"no first reply",14} {"resolution met",14} {"median first reply",18} {"p95 first reply",15}  escalations per level");
        foreach (var s in summary)
        {
            var escalations = s.EscalationsPerLevel.Count == 0 ? "none" : string.Join(", ", s.EscalationsPerLevel.Select(l => $"{l.Key} {l.Value}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Policy,-10} {s.Tickets,7} {Share(s.FirstResponseMet),18} {s.NoFirstResponse,14} {Share(s.ResolutionMet),14} {Span(s.MedianFirstResponse),18} {Span(s.P95FirstResponse),15}  {escalations}"));
        }
    }

    private static string Share(double? share) => share is { } v ? v.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";

    private static string Span(Duration? duration) => duration is { } d ? DurationText.Format(d) : "-";
}
