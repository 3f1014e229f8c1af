using System.Diagnostics;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using Azure.Data.Tables;
using NodaTime;
using Xunit.Abstractions;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Handlers;

/// <summary>
/// A ticket with 10,000 events (on main it stopped taking events at about 3,000: its one row passed the 1 MiB entity
/// limit) still takes its next event at the cost of its second, and is still swept.
/// </summary>
public class BusyTicketTests(ITestOutputHelper output) : StorageTest
{
    private const int Events = 10_000;

    [Fact]
    public async Task The_ten_thousand_and_first_event_costs_what_the_second_did_and_the_ticket_is_still_swept()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00");
        var opened = new TicketScript("T-busy").Opened("2026-10-12 09:00", "P2")[0];
        await service.IngestAsync(opened);
        await service.SweepAtAsync("2026-10-12 09:00");

        service.SetTime("2026-10-12 09:01");
        var second = await MeasureAsync(() => service.IngestAsync(ReplyPayload(1)));
        await service.SweepAtAsync("2026-10-12 09:01");

        await SeedRepliesAsync(from: 2, to: Events - 1);
        service.SetTime("2026-10-13 12:00");
        var sweepClock = Stopwatch.StartNew();
        var sweep = await service.SweepAtAsync("2026-10-13 12:00");
        output.WriteLine($"sweep of {Events:N0} events: {sweepClock.ElapsedMilliseconds} ms, {sweep}");
        Assert.Equal(0, sweep.Failures);

        var resolved = new TicketResolved("T-busy-resolved", "T-busy", At("2026-10-13 12:00"), "Fixed");
        var last = await MeasureAsync(() => service.IngestAsync(TicketScript.Payload(resolved)));
        output.WriteLine($"busy ticket: {Events + 1} events; event 2: {second.Requests} requests, {second.BytesWritten} bytes written; " +
            $"event {Events + 1}: {last.Requests} requests, {last.BytesWritten} bytes written");

        Assert.Equal(IngestOutcome.Applied, second.Result.Outcome);
        Assert.Equal(IngestOutcome.Applied, last.Result.Outcome);
        Assert.True(last.Requests <= second.Requests + 1, $"event {Events + 1} took {last.Requests} requests, event 2 {second.Requests}");
        Assert.InRange(last.BytesWritten, second.BytesWritten / 2, second.BytesWritten * 2);

        Assert.Equal(0, (await service.SweepAtAsync("2026-10-13 12:00:15")).Failures);
        var ticket = (await service.TicketAsync("T-busy"))!.Ticket;
        Assert.Equal(Events + 1, ticket.History.Events.Length);
        Assert.Null(ticket.IndexedDueAt);
        Assert.Empty(await DueRowsOfAsync("T-busy"));
    }

    private static AgentResponded Reply(int n) =>
        new($"T-busy-r{n:D5}", "T-busy", At("2026-10-12 09:01") + Duration.FromSeconds(n), TicketScript.Owner);

    private static string ReplyPayload(int n) => TicketScript.Payload(Reply(n));

    /// <summary>Writes replies straight to the ticket's partition, a hundred a transaction: ingesting them one by one would take minutes.</summary>
    private async Task SeedRepliesAsync(int from, int to)
    {
        var partition = TicketRowKeys.Partition("T-busy");
        var rows = Enumerable.Range(from, to - from + 1).Select(n => Reply(n)).Select(e => TableTicketStore.EventRow(partition, e, TicketEventWriter.ToJson(e)));
        var table = RawTable("Tickets");
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct));
    }

    private async Task<(IngestResult Result, long Requests, long BytesWritten)> MeasureAsync(Func<Task<IngestResult>> ingest)
    {
        var before = Tables.Traffic.Snapshot();
        var result = await ingest();
        var after = Tables.Traffic.Snapshot();
        return (result, after.Requests - before.Requests, after.BytesWritten - before.BytesWritten);
    }
}
