namespace AfterSales.LoadRun;

/// <param name="BusyTicket">When above 0, only the busy-ticket phase runs, with this many events in one ticket.</param>
/// <param name="Burst">When above 0, the burst phase sweeps this many tickets due at one Monday opening.</param>
/// <param name="LatencyMilliseconds">Added to every storage request of the burst sweeps and of the second ingest run.</param>
public sealed record LoadRunOptions(
    int Tickets, int Due, int IngestTickets, int LatencyTickets, TimeSpan LatencyWindow, int BusyTicket = 0, int Burst = 0, int LatencyMilliseconds = 0);
