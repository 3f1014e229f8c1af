using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// <c>--busy-ticket N</c>: ingests N events into one ticket through the real ingestion and reports what the 2nd and the
/// Nth event cost in table requests and bytes written. Both are measured on a swept ticket (the sweep runs just before
/// each), so they do the same work; the line shows whether an event costs more the older its ticket is.
/// </summary>
public sealed class BusyTicketRun(AfterSalesSettings settings, int events, TextWriter output)
{
    private const string TicketId = "B-0000001";

    public async Task RunAsync(AfterSalesTables tables, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 2, nameof(events));
        var opened = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) - Duration.FromSeconds(events + 60);
        var clock = new FakeTimeProvider(opened.ToDateTimeOffset());
        var engine = new SlaEngine(settings);
        var ingestion = new TicketEventIngestion(
            new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.Window, clock),
            tables.Tickets, tables.DueIndex, tables.RejectedEvents, tables.Deliveries, clock);
        var sweep = new DueSweep(engine, tables.Tickets, tables.DueIndex, tables.Outbox, new InProcessNotificationQueue(), tables.SweepLease, clock);

        output.WriteLine($"Busy ticket: ingesting {events:N0} events into one ticket…");
        await IngestAsync(ingestion, Opening(opened), cancellationToken);
        await sweep.SweepAsync(cancellationToken);
        var second = await MeasureAsync(tables, () => IngestAsync(ingestion, Reply(opened, 2), cancellationToken));
        for (var n = 3; n < events; n++)
        {
            clock.SetUtcNow((opened + Duration.FromSeconds(n)).ToDateTimeOffset());
            await IngestAsync(ingestion, Reply(opened, n), cancellationToken);
            if (n % 1_000 == 0) output.WriteLine($"  {n:N0} events");
        }
        clock.SetUtcNow((opened + Duration.FromSeconds(events)).ToDateTimeOffset());
        var swept = await sweep.SweepAsync(cancellationToken);
        if (swept.Failures > 0) throw new InvalidOperationException($"The sweep of the busy ticket failed: {swept}.");
        var last = await MeasureAsync(tables, () => IngestAsync(ingestion, Reply(opened, events), cancellationToken));

        output.WriteLine($"busy ticket: {events} events; event 2: {second.Requests} requests, {second.BytesWritten} bytes written; " +
            $"event {events}: {last.Requests} requests, {last.BytesWritten} bytes written");
    }

    private static async Task IngestAsync(TicketEventIngestion ingestion, TicketEvent e, CancellationToken cancellationToken)
    {
        var result = await ingestion.IngestAsync(TicketEventWriter.ToJson(e), "load-run", cancellationToken);
        if (result.Outcome != IngestOutcome.Applied) throw new InvalidOperationException($"Event {e.EventId} was {result.Outcome}: {result.Rejection}.");
    }

    private static async Task<(long Requests, long BytesWritten)> MeasureAsync(AfterSalesTables tables, Func<Task> ingest)
    {
        var before = tables.Traffic.Snapshot();
        await ingest();
        var after = tables.Traffic.Snapshot();
        return (after.Requests - before.Requests, after.BytesWritten - before.BytesWritten);
    }

    private static TicketOpened Opening(Instant at) => new(
        $"{TicketId}-1", TicketId, at, new Customer("C-busy", "赵敏", "+8613700137000", null, "zh-CN"),
        TicketChannel.Phone, TicketCategory.Repair, "P2", null, null, "metro", Agent, "Load-run busy ticket");

    private static AgentResponded Reply(Instant opened, int n) => new($"{TicketId}-{n}", TicketId, opened + Duration.FromSeconds(n), Agent);

    private static readonly Person Agent = new("u-agent", "Li Wei", "li.wei@example.com");
}
