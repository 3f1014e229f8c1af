namespace AfterSales.LoadRun;

/// <param name="BusyTicket">When above 0, only the busy-ticket phase runs, with this many events in one ticket.</param>
public sealed record LoadRunOptions(int Tickets, int Due, int IngestTickets, int LatencyTickets, TimeSpan LatencyWindow, int BusyTicket = 0);
