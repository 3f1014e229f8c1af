using System.Diagnostics;
using System.Globalization;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
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

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var storage = StorageSettingsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = Environment.GetEnvironmentVariable("Storage__ConnectionString") ?? AzuriteConnection,
                ["Storage:TablePrefix"] = "load" + Guid.NewGuid().ToString("N")[..8],
            }).Build());
        var tables = AfterSalesTables.Create(storage);
        await tables.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var engine = new SlaEngine(settings);
            var seededAt = Now();
            var seedSeconds = await SeedAsync(tables, engine, seededAt, cancellationToken);
            var latency = await MeasureLatencyAsync(tables, engine, cancellationToken);
            var sweep = await CompareSweepAsync(tables, engine, seededAt, cancellationToken);
            var ingest = await MeasureIngestAsync(tables, engine, sweep.At + Duration.FromHours(1), cancellationToken);
            Report(seedSeconds, latency, sweep, ingest);
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
        var seeded = Enumerable.Range(0, options.Tickets).Select(i => factory.Create($"T-{i:D7}", asOf)).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (ticket, ct) =>
        {
            if (ticket.IndexedDueAt is { } dueAt) await tables.DueIndex.PutAsync(new DueEntry(ticket.History.TicketId, dueAt), ct);
            await tables.Tickets.TrySaveAsync(ticket, null, ct);
        });
        SeededDue = [.. seeded.Where(t => t.IndexedDueAt is not null).Select(t => t.IndexedDueAt!.Value).Order()];
        return clock.Elapsed.TotalSeconds;
    }

    private List<Instant> SeededDue { get; set; } = [];

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

    private async Task<SweepComparison> CompareSweepAsync(AfterSalesTables tables, SlaEngine engine, Instant seededAt, CancellationToken cancellationToken)
    {
        // The instant at which exactly the first `Due` seeded tickets are due.
        var at = SeededDue[Math.Min(options.Due, SeededDue.Count) - 1];
        output.WriteLine($"Sweep vs full scan at {at} ({options.Due:N0} of {options.Tickets:N0} due)…");
        var clock = new FakeTimeProvider(at.ToDateTimeOffset());

        tables.Reads.Reset();
        var scan = Stopwatch.StartNew();
        var dueByScan = 0;
        await foreach (var ticket in tables.Tickets.ListAllAsync(cancellationToken))
        {
            if (engine.Assess(ticket.History, at).DueNow.Count > 0) dueByScan++;
        }
        var scanSeconds = scan.Elapsed.TotalSeconds;
        var scanReads = tables.Reads.Total;

        tables.Reads.Reset();
        var sweep = new DueSweep(engine, tables.Tickets, tables.DueIndex, tables.Outbox, new InProcessNotificationQueue(), tables.SweepLease, clock);
        var timed = Stopwatch.StartNew();
        var report = await sweep.SweepAsync(cancellationToken);
        var sweepSeconds = timed.Elapsed.TotalSeconds;
        var sweepReads = tables.Reads.Total;

        return new SweepComparison(at, dueByScan, scanSeconds, scanReads, report, sweepSeconds, sweepReads);
    }

    private async Task<IngestResultSummary> MeasureIngestAsync(AfterSalesTables tables, SlaEngine engine, Instant at, CancellationToken cancellationToken)
    {
        output.WriteLine($"Ingest: {options.IngestTickets:N0} tickets × 4 events by 8 concurrent ingesters…");
        var ingestion = Ingestion(tables, engine, new FakeTimeProvider(at.ToDateTimeOffset()));
        var payloads = Enumerable.Range(0, options.IngestTickets).Select(i => IngestTicket($"I-{i:D6}", at - Duration.FromHours(2))).ToList();
        var clock = Stopwatch.StartNew();
        var applied = 0;
        await Parallel.ForEachAsync(payloads, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (events, ct) =>
        {
            foreach (var payload in events)
            {
                if ((await ingestion.IngestAsync(payload, "load-run", ct)).Outcome == IngestOutcome.Applied) Interlocked.Increment(ref applied);
            }
        });
        return new IngestResultSummary(applied, clock.Elapsed.TotalSeconds);
    }

    private static string[] IngestTicket(string ticketId, Instant opened)
    {
        var owner = new Person("u-agent", "Wang Fang", "wang.fang@example.com");
        TicketEvent[] events =
        [
            new TicketOpened($"{ticketId}-1", ticketId, opened, new Customer($"C-{ticketId}", "李娜", "+8615012345678", null, "zh-CN"),
                TicketChannel.Web, TicketCategory.Repair, "P3", null, null, "retail", owner, "Load-run ingest"),
            new AgentResponded($"{ticketId}-2", ticketId, opened + Duration.FromMinutes(10), owner),
            new StatusChanged($"{ticketId}-3", ticketId, opened + Duration.FromMinutes(20), TicketStatus.InProgress),
            new TicketResolved($"{ticketId}-4", ticketId, opened + Duration.FromMinutes(90), "Fixed"),
        ];
        return [.. events.Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8)))];
    }

    private TicketEventIngestion Ingestion(AfterSalesTables tables, SlaEngine engine, TimeProvider time) => new(
        new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, time),
        engine, tables.Tickets, tables.DueIndex, tables.RejectedEvents, tables.Deliveries, time);

    private void Report(double seedSeconds, LatencyResult latency, SweepComparison sweep, IngestResultSummary ingest)
    {
        string F(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);
        var due = Math.Max(sweep.Report.DueRows, 1);
        output.WriteLine();
        output.WriteLine("| measure | value |");
        output.WriteLine("|---|---|");
        output.WriteLine($"| open tickets seeded | {options.Tickets:N0} in {F(seedSeconds)} s ({F(options.Tickets / seedSeconds, "N0")} tickets/s) |");
        output.WriteLine($"| due at the measured instant | {sweep.Report.DueRows:N0} index rows; full scan found {sweep.DueByScan:N0} tickets with steps due |");
        output.WriteLine($"| baseline: scan all open tickets | {F(sweep.ScanSeconds, "N2")} s, {sweep.ScanReads:N0} entities read |");
        output.WriteLine($"| indexed sweep (reads, outbox writes, ticket saves, re-index) | {F(sweep.SweepSeconds, "N2")} s, {sweep.SweepReads:N0} entities read, {sweep.Report.StepsProduced:N0} steps produced, {sweep.Report.Failures} failures |");
        output.WriteLine($"| speed-up (baseline time / sweep time) | {F(sweep.ScanSeconds / sweep.SweepSeconds)}× |");
        output.WriteLine($"| table reads per due ticket (sweep) | {F((double)sweep.SweepReads / due, "N2")} (baseline: {F((double)sweep.ScanReads / due, "N0")}) |");
        output.WriteLine($"| ingest, 8 concurrent ingesters | {ingest.Applied:N0} events in {F(ingest.Seconds)} s = {F(ingest.Applied / ingest.Seconds, "N0")} events/s |");
        output.WriteLine($"| detection latency, sweep every 15 s | p50 {F(latency.P50)} s, p99 {F(latency.P99)} s, max {F(latency.Max)} s over {latency.Steps} steps (target p99 < 30 s) |");
        output.WriteLine($"| real-time sweep duration (mean) | {F(latency.MeanSweepMilliseconds, "N0")} ms |");
    }

    private static Instant Now() => SystemClock.Instance.GetCurrentInstant();

    private sealed record LatencyResult(int Steps, double P50, double P99, double Max, double MeanSweepMilliseconds);

    private sealed record SweepComparison(Instant At, int DueByScan, double ScanSeconds, long ScanReads, SweepReport Report, double SweepSeconds, long SweepReads);

    private sealed record IngestResultSummary(int Applied, double Seconds);
}
