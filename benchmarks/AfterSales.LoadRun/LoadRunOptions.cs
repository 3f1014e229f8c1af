namespace AfterSales.LoadRun;

/// <param name="BusyTicket">When above 0, only the busy-ticket phase runs, with this many events in one ticket.</param>
/// <param name="Burst">When above 0, the burst phase sweeps this many tickets due at one Monday opening.</param>
/// <param name="LatencyMilliseconds">Added to every storage request of the burst sweeps and of the second ingest run.</param>
/// <param name="StorageCostsPid">When above 0, only seeding and the storage-cost phase run, reading this local Azurite process's CPU time.</param>
/// <param name="IngestSeconds">The shortest an ingest run lasts: it takes more tickets than <paramref name="IngestTickets"/> until then.</param>
public sealed record LoadRunOptions(
    int Tickets, int Due, int IngestTickets, int LatencyTickets, TimeSpan LatencyWindow, int BusyTicket = 0, int Burst = 0, int LatencyMilliseconds = 0,
    int IngestSeconds = LoadRunOptions.DefaultIngestSeconds, int StorageCostsPid = 0)
{
    /// <summary>Long enough that the rate is a steady one, at a tiny <c>--ingest-tickets</c> too.</summary>
    public const int DefaultIngestSeconds = 20;

    public TimeSpan IngestMinimum => TimeSpan.FromSeconds(IngestSeconds);
}
