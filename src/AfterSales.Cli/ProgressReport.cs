using System.Globalization;
using AfterSales.Core.Simulation;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cli;

/// <summary>
/// Tells a person waiting on a long run how far it has come, on stderr (stdout is the report): nothing for a run
/// that takes less than two seconds, then at most a line every two seconds.
/// </summary>
public sealed class ProgressReport(TextWriter error, TimeProvider time)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private readonly long started = time.GetTimestamp();
    private readonly Lock gate = new();
    private TimeSpan lastShown = TimeSpan.Zero;

    public Action<SimulationProgress> Report(string what) => progress =>
    {
        var elapsed = time.GetElapsedTime(started);
        // Two runs of a comparison report through one instance, from two threads.
        lock (gate)
        {
            if (elapsed < Quiet || elapsed - lastShown < Quiet) return;
            lastShown = elapsed;
        }
        var share = (double)progress.EventsApplied / Math.Max(1, progress.EventsTotal);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {progress.EventsApplied:N0} of {progress.EventsTotal:N0} events ({share:P0}), virtual time {InstantPattern.General.Format(progress.VirtualNow)}, {elapsed.TotalSeconds:0} s"));
    };
}
