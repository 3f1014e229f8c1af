namespace AfterSales.LoadRun;

public sealed record LoadRunOptions(int Tickets, int Due, int IngestTickets, int LatencyTickets, TimeSpan LatencyWindow);
