using System.Globalization;
using AfterSales.Core.Simulation;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Cli;

/// <summary>The human-readable report of a simulation: rejected lines, timeline, summary per policy.</summary>
public static class SimulationTextWriter
{
    public static void Write(SimulationResult result, DateTimeZone zone, TextWriter output)
    {
        var text = new TimelineText(zone);
        output.WriteLine($"AfterSales simulation (times in {zone.Id})");

        if (result.Rejected.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Rejected events (kept for an admin to fix and replay)");
            foreach (var rejected in result.Rejected)
                output.WriteLine($"  line {rejected.LineNumber}: {rejected.Rejection}");
        }

        output.WriteLine();
        output.WriteLine("Timeline");
        foreach (var entry in result.Timeline)
            output.WriteLine($"  {text.Time(entry.At)}  {entry.TicketId,-8} {entry.Text}");

        output.WriteLine();
        output.WriteLine("Summary per policy");
        output.WriteLine($"  {"policy",-10} {"tickets",7} {"first response met",18} {"no first reply",14} {"resolution met",14} {"median first reply",18} {"p95 first reply",15}  escalations per level");
        foreach (var s in result.Summary)
        {
            var escalations = s.EscalationsPerLevel.Count == 0 ? "none" : string.Join(", ", s.EscalationsPerLevel.Select(l => $"{l.Key} {l.Value}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Policy,-10} {s.Tickets,7} {Share(s.FirstResponseMet),18} {s.NoFirstResponse,14} {Share(s.ResolutionMet),14} {Span(s.MedianFirstResponse),18} {Span(s.P95FirstResponse),15}  {escalations}"));
        }
    }

    private static string Share(double? share) => share is { } v ? v.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";

    private static string Span(Duration? duration) => duration is { } d ? DurationText.Format(d) : "-";
}
