using System.Diagnostics;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// Ingest throughput: tickets of four events each (opened, answered, in progress, resolved) by concurrent ingesters,
/// at least <c>--ingest-tickets</c> of them and for at least <c>--ingest-seconds</c>, so that the rate is a steady one
/// and not the start-up of a few seconds. Counts the storage requests and this process's CPU time per event.
/// </summary>
public sealed class IngestPhase(int minimumTickets, TimeSpan minimumDuration)
{
    public async Task<IngestResultSummary> RunAsync(
        TicketEventIngestion ingestion, AfterSalesTables tables, Instant at, int ingesters, string idPrefix, CancellationToken cancellationToken)
    {
        var before = tables.Traffic.Requests;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var applied = 0;
        await Parallel.ForEachAsync(Tickets(idPrefix, at - Duration.FromHours(2), clock),
            new ParallelOptions { MaxDegreeOfParallelism = ingesters, CancellationToken = cancellationToken }, async (events, ct) =>
            {
                foreach (var payload in events)
                {
                    if ((await ingestion.IngestAsync(payload, "load-run", ct)).Outcome == IngestOutcome.Applied) Interlocked.Increment(ref applied);
                }
            });
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new IngestResultSummary(ingesters, applied, seconds, tables.Traffic.Requests - before, cpu.TotalMilliseconds);
    }

    /// <summary>Tickets until both minimums are met; asked for one at a time by the ingesters as they free up.</summary>
    private IEnumerable<string[]> Tickets(string idPrefix, Instant opened, Stopwatch clock)
    {
        for (var i = 0; i < minimumTickets || clock.Elapsed < minimumDuration; i++) yield return Ticket($"{idPrefix}-{i:D7}", opened);
    }

    private static string[] Ticket(string ticketId, Instant opened)
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
}

public sealed record IngestResultSummary(int Ingesters, int Applied, double Seconds, long Requests, double CpuMilliseconds)
{
    /// <summary>Slices of one ingest run (same ingesters) as one: their events, time, requests and CPU added up.</summary>
    public static IngestResultSummary Combine(IReadOnlyList<IngestResultSummary> slices) => new(
        slices[0].Ingesters, slices.Sum(s => s.Applied), slices.Sum(s => s.Seconds), slices.Sum(s => s.Requests), slices.Sum(s => s.CpuMilliseconds));

    public double EventsPerSecond => Applied / Seconds;

    public double RequestsPerEvent => (double)Requests / Math.Max(Applied, 1);

    /// <summary>This process's CPU time (all threads) per applied event: parsing, the SDK, serialisation.</summary>
    public double CpuMillisecondsPerEvent => CpuMilliseconds / Math.Max(Applied, 1);
}
