using System.Diagnostics;
using System.Globalization;
using AfterSales.Azure.Storage;
using AfterSales.Core.Application;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.LoadRun;

/// <summary>
/// <c>--storage-costs PID</c>: what each kind of request costs a local Azurite, in its own CPU time (the process's
/// user and system time), beside the tickets table as seeding left it. CPU time per request moves far less with the
/// machine's other load than requests per second do, so kinds can be compared, and sizes (<c>--tickets</c>) too.
/// Kinds alternate in rounds: a point write (the capacity's), a state-row point read, a state-row merge, and a request
/// of the real ingestion (its event inserts and due-index puts together).
/// </summary>
public sealed class StorageCostRun(int azuritePid, int clients, TextWriter output)
{
    private readonly Process azurite = Process.GetProcessById(azuritePid);

    private const int RequestsPerSlice = 3_000;
    private const int Rounds = 4;

    public async Task RunAsync(
        TableServiceClient service, string prefix, AfterSalesTables tables, TicketEventIngestion ingestion, IReadOnlyList<string> seededIds,
        Instant ingestAt, CancellationToken cancellationToken)
    {
        var scratch = service.GetTableClient(prefix + "Costs");
        await scratch.CreateIfNotExistsAsync(cancellationToken);
        // Seeded ids escape to themselves, so the state row's keys are written out here as the store writes them.
        var ticketsTable = service.GetTableClient(prefix + "Tickets");
        _ = await ticketsTable.GetEntityAsync<TableEntity>(seededIds[0], "s|" + seededIds[0], cancellationToken: cancellationToken);
        var costs = new Dictionary<string, List<double>> { ["point write"] = [], ["state read"] = [], ["state merge"] = [], ["ingest request"] = [] };
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var r = round;
                costs["point write"].Add(await MillisecondsPerRequestAsync(async i =>
                {
                    await scratch.UpsertEntityAsync(new TableEntity($"p{r}-{i:D7}", $"r{i:D7}") { ["Value"] = i }, TableUpdateMode.Replace, cancellationToken);
                    return 1;
                }));
                costs["state read"].Add(await MillisecondsPerRequestAsync(async i =>
                {
                    _ = await tables.Tickets.GetStateAsync(Pick(seededIds, i), cancellationToken);
                    return 1;
                }));
                costs["state merge"].Add(await MillisecondsPerRequestAsync(async i =>
                {
                    var id = Pick(seededIds, i);
                    await ticketsTable.UpdateEntityAsync(new TableEntity(id, "s|" + id) { ["CostProbe"] = i }, ETag.All, TableUpdateMode.Merge, cancellationToken);
                    return 1;
                }));
                costs["ingest request"].Add(await IngestMillisecondsPerRequestAsync(tables, ingestion, ingestAt, $"C{round}", cancellationToken));
            }
        }
        finally
        {
            await scratch.DeleteAsync(CancellationToken.None);
        }
        string F(double value) => value.ToString("N3", CultureInfo.InvariantCulture);
        var pointWrite = costs["point write"].Average();
        output.WriteLine();
        output.WriteLine($"Azurite CPU per request beside {seededIds.Count:N0} seeded tickets ({clients} clients, {Rounds} rounds of {RequestsPerSlice:N0} requests a kind, mean of the rounds):");
        foreach (var (kind, values) in costs)
            output.WriteLine($"  {kind}: {F(values.Average())} ms ({(pointWrite / values.Average()).ToString("P0", CultureInfo.InvariantCulture)} of a point write's rate; rounds {string.Join(", ", values.Select(F))})");
    }

    private static string Pick(IReadOnlyList<string> ids, int i) => ids[(int)((long)i * 7919 % ids.Count)];

    private async Task<double> MillisecondsPerRequestAsync(Func<int, Task<int>> request)
    {
        var next = -1;
        long requests = 0;
        var before = AzuriteCpuMilliseconds();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < RequestsPerSlice) Interlocked.Add(ref requests, await request(i));
        }));
        return (AzuriteCpuMilliseconds() - before) / requests;
    }

    /// <summary>Tickets of four events through the real ingestion, until a slice's worth of requests is made.</summary>
    private async Task<double> IngestMillisecondsPerRequestAsync(
        AfterSalesTables tables, TicketEventIngestion ingestion, Instant at, string idPrefix, CancellationToken cancellationToken)
    {
        var requestsBefore = tables.Traffic.Requests;
        var before = AzuriteCpuMilliseconds();
        const int RequestsPerTicket = 4 * 2; // four events, an insert and a due-index put each
        var phase = new IngestPhase(minimumTickets: RequestsPerSlice / RequestsPerTicket, TimeSpan.Zero);
        await phase.RunAsync(ingestion, tables, at, clients, idPrefix, cancellationToken);
        return (AzuriteCpuMilliseconds() - before) / (tables.Traffic.Requests - requestsBefore);
    }

    /// <summary>User and system time of the Azurite process.</summary>
    private double AzuriteCpuMilliseconds()
    {
        azurite.Refresh();
        return azurite.TotalProcessorTime.TotalMilliseconds;
    }
}
