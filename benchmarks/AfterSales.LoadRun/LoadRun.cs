using System.Diagnostics;
using System.Globalization;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// Seeds open tickets in Table storage, then measures, in the same run and against the same storage:
/// the real-time detection latency of the 15-second sweep, the indexed sweep against a baseline that scans
/// every open ticket, and ingest throughput with 8 concurrent ingesters.
/// </summary>
public sealed class LoadRun(LoadRunOptions options, TextWriter output)
{
    private const string AzuriteConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(15);
    private readonly AfterSalesSettings settings = SettingsLoader.LoadWithDefaults(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Teams:Default:Owner"] = "service.desk@example.com",
            ["Escalation:Teams:Default:Supervisor"] = "supervisor@example.com",
            ["Escalation:Teams:Default:DepartmentHead"] = "head@example.com",
            ["Escalation:Teams:Default:Manager"] = "manager@example.com",
            ["Escalation:Teams:Default:SeniorManager"] = "senior@example.com",
            ["Escalation:Teams:Default:DutyManager"] = "duty@example.com",
            ["Email:Mode"] = "Pickup",
        }).Build());

    /// <summary>The ingesters' concurrency recommended for production (docs/scaling.md), measured at <c>--latency-ms</c>.</summary>
    public const int RecommendedIngesters = 32;

    private const int CapacityClients = 8;

    /// <summary>How many slices the ingest at 0 ms is cut into, alternating with as many capacity slices and one more.</summary>
    private const int IngestSlices = 4;

    private const int CapacityWritesPerSlice = 1_600;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var connectionString = Environment.GetEnvironmentVariable("Storage__ConnectionString") ?? AzuriteConnection;
        var prefix = "load" + Guid.NewGuid().ToString("N")[..8];
        // Validated as the service would (a bad connection string is refused here, naming the key).
        StorageSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            // Its throwaway tables hold no customer's number.
            ["Storage:KeyHashSecret"] = "load-run-throwaway-key-hash-secret-0123456789",
        }).Build());
        var latency = new LatencyPolicy(TimeSpan.FromMilliseconds(options.LatencyMilliseconds));
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(latency, HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(connectionString, clientOptions);
        var tables = AfterSalesTables.Create(service, prefix);
        await tables.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            if (options.BusyTicket > 0)
            {
                await new BusyTicketRun(settings, options.BusyTicket, output).RunAsync(tables, cancellationToken);
                return 0;
            }
            var engine = new SlaEngine(settings);
            // Seeded tickets fall due from a day ahead on: seeding takes long on Azurite, and a seeded deadline passing
            // in real time would reach the real-time sweeps of the latency phase and the measured sweeps would miss it.
            var seededAt = Now() + Duration.FromDays(1);
            var seedSeconds = await SeedAsync(tables, engine, seededAt, cancellationToken);
            if (options.StorageCostsPid > 0)
            {
                await new StorageCostRun(options.StorageCostsPid, CapacityClients, output).RunAsync(service, prefix, tables,
                    Ingestion(tables, engine, new FakeTimeProvider(seededAt.ToDateTimeOffset())), [.. Enumerable.Range(0, options.Tickets).Select(SeededId)],
                    seededAt, cancellationToken);
                return 0;
            }
            var latencyRun = await MeasureLatencyAsync(tables, engine, cancellationToken);
            var sweep = await CompareSweepAsync(tables, engine, cancellationToken);
            var ingestAt = sweep.At + Duration.FromHours(1);
            var (ingest, capacity) = await MeasureIngestAgainstCapacityAsync(service, prefix, tables, engine, ingestAt, cancellationToken);
            output.WriteLine($"Ticket state reads: {CapacityClients} clients reading seeded tickets' state rows…");
            var stateReads = await StateReadRate.MeasureAsync(tables.Tickets, [.. Enumerable.Range(0, options.Tickets).Select(SeededId)], CapacityClients, 2_000, cancellationToken);
            var ingestDelayed = options.LatencyMilliseconds > 0
                ? await latency.WithDelayAsync(() => MeasureDelayedIngestAsync(tables, engine, ingestAt, RecommendedIngesters, "J", cancellationToken))
                : null;
            var burst = options.Burst > 0
                ? await new BurstRun(settings, options.Burst, output).RunAsync(copy => AfterSalesTables.Create(service, prefix + copy), latency, cancellationToken)
                : null;
            Report(seedSeconds, latencyRun, sweep, ingest);
            ReportScale(capacity, stateReads, ingest, ingestDelayed, burst);
            return 0;
        }
        finally
        {
            await tables.DeleteAllAsync(CancellationToken.None);
        }
    }

    private async Task<double> SeedAsync(AfterSalesTables tables, SlaEngine engine, Instant asOf, CancellationToken cancellationToken)
    {
        output.WriteLine($"Seeding {options.Tickets:N0} open tickets…");
        var factory = new SeedTickets(engine, seed: 42);
        var seeded = Enumerable.Range(0, options.Tickets).Select(i => factory.Create(SeededId(i), asOf)).ToList();
        var clock = Stopwatch.StartNew();
        // Each ticket is a partition of its own (one request each); index rows share hour buckets (batched).
        await tables.DueIndex.PutManyAsync(
            seeded.Where(t => t.IndexedDueAt is not null).Select(t => new DueEntry(t.History.TicketId, t.IndexedDueAt!.Value)),
            parallelism: 8, cancellationToken);
        var saved = 0;
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (ticket, ct) =>
        {
            await tables.Tickets.TryAddWholeAsync(ticket, ct);
            if (Interlocked.Increment(ref saved) % 10_000 == 0) output.WriteLine($"  {saved:N0} tickets after {clock.Elapsed.TotalSeconds:N0} s");
        });
        SeededDue = [.. seeded.Where(t => t.IndexedDueAt is not null).Select(t => t.IndexedDueAt!.Value).Order()];
        return clock.Elapsed.TotalSeconds;
    }

    private List<Instant> SeededDue { get; set; } = [];

    private static string SeededId(int i) => $"T-{i:D7}";

    /// <summary>
    /// The ingest set against the capacity of the same moments: capacity and ingest slices alternate
    /// (<see cref="IngestSlices"/> of each, and a last capacity slice), so a machine whose other load changes by the
    /// second weighs on both alike. Each side's rate is its slices' total over their total time.
    /// </summary>
    private async Task<(IngestResultSummary Ingest, Capacity Capacity)> MeasureIngestAgainstCapacityAsync(
        TableServiceClient service, string prefix, AfterSalesTables tables, SlaEngine engine, Instant at, CancellationToken cancellationToken)
    {
        output.WriteLine($"Storage capacity and ingest, alternating: {IngestSlices + 1} slices of {CapacityWritesPerSlice:N0} point writes by {CapacityClients} clients, " +
            $"{IngestSlices} ingest slices of at least {(options.IngestTickets + IngestSlices - 1) / IngestSlices:N0} tickets × 4 events and {options.IngestMinimum.TotalSeconds / IngestSlices:N1} s by {CapacityClients} ingesters…");
        var capacity = new List<CapacitySlice>();
        var ingest = new List<IngestResultSummary>();
        var phase = new IngestPhase((options.IngestTickets + IngestSlices - 1) / IngestSlices, options.IngestMinimum / IngestSlices);
        var ingestion = Ingestion(tables, engine, new FakeTimeProvider(at.ToDateTimeOffset()));
        for (var slice = 0; slice <= IngestSlices; slice++)
        {
            capacity.Add(await StorageCapacity.MeasureAsync(service, $"{prefix}Capacity{slice}", CapacityClients, CapacityWritesPerSlice, cancellationToken));
            if (slice < IngestSlices)
                ingest.Add(await phase.RunAsync(ingestion, tables, at, CapacityClients, $"I{slice}", cancellationToken));
        }
        return (IngestResultSummary.Combine(ingest), new Capacity(capacity));
    }

    private async Task<LatencyResult> MeasureLatencyAsync(AfterSalesTables tables, SlaEngine engine, CancellationToken cancellationToken)
    {
        output.WriteLine($"Latency: {options.LatencyTickets} P1 tickets with deadlines over {options.LatencyWindow.TotalSeconds:N0} s, sweeping every {SweepInterval.TotalSeconds:N0} s…");
        var ingestion = Ingestion(tables, engine, TimeProvider.System);
        var sweep = new DueSweep(engine, tables.Tickets, tables.DueIndex, tables.Outbox, new InProcessNotificationQueue(), tables.SweepLease, TimeProvider.System);
        var start = Now();
        var random = new Random(7);
        var warningLead = Duration.FromSeconds(450); // a P1 warning falls 7.5 min after opening
        foreach (var i in Enumerable.Range(0, options.LatencyTickets))
        {
            var opened = start - warningLead + Duration.FromSeconds(15 + random.NextDouble() * options.LatencyWindow.TotalSeconds);
            await ingestion.IngestAsync(LatencyTicket($"L-{i:D4}", opened), "load-run", cancellationToken);
        }
        var measuredFrom = Now();

        var sweeps = new List<double>();
        using var timer = new PeriodicTimer(SweepInterval);
        var until = start + Duration.FromTimeSpan(options.LatencyWindow) + Duration.FromSeconds(45);
        while (Now() < until && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var clock = Stopwatch.StartNew();
            await sweep.SweepAsync(cancellationToken);
            sweeps.Add(clock.Elapsed.TotalMilliseconds);
        }

        var delays = new List<double>();
        await foreach (var entry in tables.Outbox.ListAsync(cancellationToken))
        {
            if (!entry.TicketId.StartsWith("L-", StringComparison.Ordinal) || entry.DueAt <= measuredFrom || entry.StoredAt is not { } stored) continue;
            delays.Add((Instant.FromDateTimeOffset(stored) - entry.DueAt).TotalSeconds);
        }
        delays.Sort();
        return new LatencyResult(delays.Count, Percentiles.Of(delays, 0.50), Percentiles.Of(delays, 0.99), delays.Count == 0 ? double.NaN : delays[^1],
            sweeps.Count == 0 ? double.NaN : sweeps.Average());
    }

    private static string LatencyTicket(string ticketId, Instant opened) => TicketEventWriter.ToJson(new TicketOpened(
        $"{ticketId}-1", ticketId, opened, new Customer($"C-{ticketId}", "王芳", "+8613912345678", null, "zh-CN"),
        TicketChannel.Phone, TicketCategory.Repair, "P1", null, null, "metro", new Person("u-duty", "Chen Jie", "chen.jie@example.com"),
        "Load-run P1"), Offset.FromHours(8));

    private async Task<SweepComparison> CompareSweepAsync(AfterSalesTables tables, SlaEngine engine, CancellationToken cancellationToken)
    {
        // Two instants at which the next `Due` seeded tickets each fall due: the baseline sweeps the first
        // thousand, the indexed sweep the next, so both do the same kind and amount of work.
        var baselineAt = SeededDue[Math.Min(options.Due, SeededDue.Count) - 1];
        var indexedAt = SeededDue[Math.Min(2 * options.Due, SeededDue.Count) - 1];
        output.WriteLine($"Baseline full-scan sweep at {baselineAt}, indexed sweep at {indexedAt} (about {options.Due:N0} of {options.Tickets:N0} due each)…");

        var scanIndex = new FullScanDueIndex(tables.Tickets, tables.DueIndex, engine);
        var baseline = await TimeSweepAsync(tables, engine, scanIndex, baselineAt, cancellationToken);
        var indexed = await TimeSweepAsync(tables, engine, tables.DueIndex, indexedAt, cancellationToken);
        return new SweepComparison(indexedAt, baseline, indexed);
    }

    private static async Task<TimedSweep> TimeSweepAsync(
        AfterSalesTables tables, SlaEngine engine, IDueIndex index, Instant at, CancellationToken cancellationToken)
    {
        tables.Reads.Reset();
        var sweep = new DueSweep(engine, tables.Tickets, index, tables.Outbox, new InProcessNotificationQueue(), tables.SweepLease, new FakeTimeProvider(at.ToDateTimeOffset()))
        {
            LeaseDuration = Duration.FromHours(1),
        };
        var clock = Stopwatch.StartNew();
        var report = await sweep.SweepAsync(cancellationToken);
        return new TimedSweep(report, clock.Elapsed.TotalSeconds, tables.Reads.Total);
    }

    private async Task<IngestResultSummary> MeasureDelayedIngestAsync(
        AfterSalesTables tables, SlaEngine engine, Instant at, int ingesters, string idPrefix, CancellationToken cancellationToken)
    {
        output.WriteLine($"Ingest: at least {options.IngestTickets:N0} tickets × 4 events and {options.IngestMinimum.TotalSeconds:N0} s, by {ingesters} concurrent ingesters at {options.LatencyMilliseconds} ms per request…");
        return await new IngestPhase(options.IngestTickets, options.IngestMinimum)
            .RunAsync(Ingestion(tables, engine, new FakeTimeProvider(at.ToDateTimeOffset())), tables, at, ingesters, idPrefix, cancellationToken);
    }

    private TicketEventIngestion Ingestion(AfterSalesTables tables, SlaEngine engine, TimeProvider time) => new(
        new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.Window, time),
        tables.Tickets, tables.DueIndex, tables.RejectedEvents, tables.Deliveries, time);

    private void Report(double seedSeconds, LatencyResult latency, SweepComparison sweep, IngestResultSummary ingest)
    {
        string F(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);
        string Describe(TimedSweep timed) =>
            $"{F(timed.Seconds, "N2")} s, {timed.Report.DueRows:N0} due tickets, {timed.Reads:N0} entities read, {timed.Report.StepsProduced:N0} steps, {timed.Report.Failures} failures";
        static double ReadsPerDue(TimedSweep timed) => (double)timed.Reads / Math.Max(timed.Report.DueRows, 1);
        output.WriteLine();
        output.WriteLine("| measure | value |");
        output.WriteLine("|---|---|");
        output.WriteLine($"| open tickets seeded | {options.Tickets:N0} in {F(seedSeconds)} s ({F(options.Tickets / seedSeconds, "N0")} tickets/s) |");
        output.WriteLine($"| baseline: sweep that scans every open ticket | {Describe(sweep.Baseline)} |");
        output.WriteLine($"| indexed sweep | {Describe(sweep.Indexed)} |");
        // The two sweeps' windows hold different numbers of due tickets: compare them per ticket, not by their totals.
        static double MillisecondsPerDue(TimedSweep timed) => 1000 * timed.Seconds / Math.Max(timed.Report.DueRows, 1);
        output.WriteLine($"| speed-up per due ticket (baseline ms / indexed ms) | {F(MillisecondsPerDue(sweep.Baseline) / MillisecondsPerDue(sweep.Indexed))}× |");
        output.WriteLine($"| time per due ticket | indexed {F(MillisecondsPerDue(sweep.Indexed))} ms, baseline {F(MillisecondsPerDue(sweep.Baseline))} ms |");
        output.WriteLine($"| table reads per due ticket | indexed {F(ReadsPerDue(sweep.Indexed), "N2")}, baseline {F(ReadsPerDue(sweep.Baseline), "N2")} |");
        output.WriteLine($"| ingest, {ingest.Ingesters} concurrent ingesters | {ingest.Applied:N0} events in {F(ingest.Seconds)} s = {F(ingest.EventsPerSecond, "N0")} events/s |");
        output.WriteLine($"| detection latency, sweep every 15 s | p50 {F(latency.P50)} s, p99 {F(latency.P99)} s, max {F(latency.Max)} s over {latency.Steps} steps (target p99 < 30 s) |");
        output.WriteLine($"| real-time sweep duration (mean) | {F(latency.MeanSweepMilliseconds, "N0")} ms |");
    }

    /// <summary>The lines the scaling note (docs/scaling.md) quotes: everything measured against the storage's own capacity.</summary>
    private void ReportScale(Capacity measured, double stateReads, IngestResultSummary ingest, IngestResultSummary? delayed, BurstResult? burst)
    {
        string F(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);
        var capacity = measured.RequestsPerSecond;
        output.WriteLine();
        output.WriteLine($"storage capacity: {F(capacity, "N0")} requests/s ({measured.Slices.Count} slices alternating with the ingest's, from {F(measured.Lowest, "N0")} to {F(measured.Highest, "N0")}; {CapacityClients} clients, point writes, 0 ms added)");
        if (burst is not null)
        {
            foreach (var run in new[] { burst.Sequential, burst.Parallel })
                output.WriteLine($"burst sweep, MaxParallelism={run.Parallelism}: {burst.Tickets:N0} due tickets drained in {F(run.Seconds, "N2")} s, {run.Steps:N0} steps, " +
                    $"detection latency p50 {F(run.P50, "N2")} s, p99 {F(run.P99, "N2")} s, max {F(run.Max, "N2")} s, {F(run.RequestsPerDueTicket, "N2")} storage requests per due ticket, " +
                    $"{F(run.RequestsPerSecond, "N0")} requests/s ({F(100 * run.RequestsPerSecond / capacity, "N0")}% of storage capacity), " +
                    $"client CPU {F(run.CpuMillisecondsPerDueTicket, "N2")} ms per due ticket ({F(run.CpuMillisecondsPerDueTicket * burst.Tickets / run.Seconds / 10, "N0")}% of one core)");
            output.WriteLine($"burst speed-up (sequential/parallel): {F(burst.Sequential.Seconds / burst.Parallel.Seconds)}×");
            output.WriteLine($"burst detection latency p99: {F(burst.Parallel.P99, "N2")} s (p50 {F(burst.Parallel.P50, "N2")} s, max {F(burst.Parallel.Max, "N2")} s; the sweep starts at the opening, the 15-s timer adds up to 15 s)");
            output.WriteLine($"storage requests per due ticket: {F(burst.Parallel.RequestsPerDueTicket, "N2")}");
        }
        output.WriteLine($"storage requests per ingested event: {F(ingest.RequestsPerEvent, "N2")}");
        output.WriteLine($"ingest efficiency: {F(100 * ingest.EventsPerSecond * ingest.RequestsPerEvent / capacity, "N0")}% " +
            $"({F(ingest.EventsPerSecond, "N0")} events/s × {F(ingest.RequestsPerEvent, "N2")} requests per event ÷ {F(capacity, "N0")} requests/s; {ingest.Ingesters} ingesters, 0 ms added)");
        output.WriteLine($"ingest client CPU: {F(ingest.CpuMillisecondsPerEvent, "N2")} ms per event ({F(ingest.CpuMillisecondsPerEvent * ingest.EventsPerSecond / 10, "N0")}% of one core at {F(ingest.EventsPerSecond, "N0")} events/s)");
        output.WriteLine($"ticket state reads: {F(stateReads, "N0")} requests/s ({CapacityClients} clients, one point read each, in the tickets table of {options.Tickets:N0} seeded tickets and the run's own: {F(100 * stateReads / capacity, "N0")}% of the storage capacity)");
        if (delayed is not null)
            output.WriteLine($"ingest at --latency-ms {options.LatencyMilliseconds}: {F(delayed.EventsPerSecond, "N0")} events/s with {delayed.Ingesters} ingesters ({F(delayed.RequestsPerEvent, "N2")} requests per event)");
    }

    private static Instant Now() => SystemClock.Instance.GetCurrentInstant();

    private sealed record Capacity(IReadOnlyList<CapacitySlice> Slices)
    {
        public double RequestsPerSecond => Slices.Sum(s => s.Writes) / Slices.Sum(s => s.Seconds);

        public double Lowest => Slices.Min(s => s.RequestsPerSecond);

        public double Highest => Slices.Max(s => s.RequestsPerSecond);
    }

    private sealed record LatencyResult(int Steps, double P50, double P99, double Max, double MeanSweepMilliseconds);

    private sealed record TimedSweep(SweepReport Report, double Seconds, long Reads);

    private sealed record SweepComparison(Instant At, TimedSweep Baseline, TimedSweep Indexed);
}
