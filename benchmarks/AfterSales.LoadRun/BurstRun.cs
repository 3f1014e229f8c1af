using System.Diagnostics;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// <c>--burst K</c>: K tickets whose steps all fall due at one Monday 08:30 opening, seeded twice (each copy in tables of
/// its own), then swept at that opening once with one worker and once with <see cref="DueSweep.DefaultMaxParallelism"/>,
/// with the storage delay of <c>--latency-ms</c> on during the sweeps.
/// </summary>
public sealed class BurstRun(AfterSalesSettings settings, int tickets, TextWriter output)
{
    private readonly SlaEngine engine = new(settings);

    public async Task<BurstResult> RunAsync(Func<string, AfterSalesTables> tablesFor, LatencyPolicy latency, CancellationToken cancellationToken)
    {
        var factory = new BurstTickets(engine, settings.Calendars["Business"], seed: 11);
        var burst = Enumerable.Range(0, tickets).Select(i => factory.Create($"M-{i:D6}")).ToList();
        output.WriteLine($"Burst: {tickets:N0} tickets due at the opening {factory.Opening} (Monday 08:30 Asia/Shanghai), swept with 1 and {DueSweep.DefaultMaxParallelism} workers at {latency.Delay.TotalMilliseconds:N0} ms per request…");
        var sequential = await SweepCopyAsync(tablesFor("s"), burst, factory.Opening, 1, latency, cancellationToken);
        var parallel = await SweepCopyAsync(tablesFor("p"), burst, factory.Opening, DueSweep.DefaultMaxParallelism, latency, cancellationToken);
        return new BurstResult(tickets, sequential, parallel);
    }

    private async Task<BurstSweep> SweepCopyAsync(
        AfterSalesTables tables, List<StoredTicket> burst, Instant opening, int parallelism, LatencyPolicy latency, CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await tables.DueIndex.PutManyAsync(burst.Select(t => new DueEntry(t.History.TicketId, t.IndexedDueAt!.Value)), parallelism: 8, cancellationToken);
            await Parallel.ForEachAsync(burst, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (ticket, ct) => await tables.Tickets.TryAddWholeAsync(ticket, ct));

            var queue = new TimedNotificationQueue();
            var clock = new FakeTimeProvider((opening - Duration.FromSeconds(15)).ToDateTimeOffset());
            var sweep = new DueSweep(engine, tables.Tickets, tables.DueIndex, tables.Outbox, queue, tables.SweepLease, clock)
            {
                LeaseDuration = Duration.FromHours(1),
                MaxParallelism = parallelism,
            };
            // The sweep 15 s before the opening finds nothing due; it leaves the checkpoint where a running service has it.
            if ((await sweep.SweepAsync(cancellationToken)).DueRows != 0) throw new InvalidOperationException("Burst tickets were due before the opening.");
            clock.SetUtcNow(opening.ToDateTimeOffset());
            var before = tables.Traffic.Requests;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (report, seconds) = await latency.WithDelayAsync(async () =>
            {
                var stopwatch = Stopwatch.StartNew();
                queue.Start();
                var swept = await sweep.SweepAsync(cancellationToken);
                return (swept, stopwatch.Elapsed.TotalSeconds);
            });
            var requests = tables.Traffic.Requests - before;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (report.Failures > 0 || report.DueRows != burst.Count)
                throw new InvalidOperationException($"The burst sweep with {parallelism} worker(s) swept {report.DueRows} of {burst.Count} tickets with {report.Failures} failures.");
            // The sweep starts at the opening: a step's detection latency is how long after its due instant its message went out.
            var delays = queue.Sent.Select(s => (opening - s.DueAt).TotalSeconds + s.After.TotalSeconds).Order().ToList();
            return new BurstSweep(parallelism, seconds, report.StepsProduced, (double)requests / report.DueRows, requests / seconds,
                Percentiles.Of(delays, 0.50), Percentiles.Of(delays, 0.99), delays.Count == 0 ? double.NaN : delays[^1], cpu.TotalMilliseconds / report.DueRows);
        }
        finally
        {
            await tables.DeleteAllAsync(CancellationToken.None);
        }
    }
}

/// <param name="CpuMillisecondsPerDueTicket">This process's CPU time (all threads) per due ticket: the engine, the SDK, serialisation.</param>
public sealed record BurstSweep(
    int Parallelism, double Seconds, int Steps, double RequestsPerDueTicket, double RequestsPerSecond, double P50, double P99, double Max,
    double CpuMillisecondsPerDueTicket);

public sealed record BurstResult(int Tickets, BurstSweep Sequential, BurstSweep Parallel);
