namespace AfterSales.Functions.Http;

/// <summary>A ticket the sweep could not process: quarantined (after 5 tries) or still being retried, with its last error.</summary>
public sealed record QuarantinedTicketAnswer(string TicketId, bool Quarantined, int Failures, string? LastError, string? LastFailedAt, string? DueAt);

public sealed record QuarantinedTicketsList(IReadOnlyList<QuarantinedTicketAnswer> Items);

public sealed record QuarantineReplayAnswer(string TicketId, string Outcome);
