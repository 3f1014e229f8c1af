namespace AfterSales.Functions.Http;

/// <summary>A recorded revisit outcome; <c>openTicket</c> is true when the call found a problem.</summary>
public sealed record RevisitOutcomeAnswer(
    string InstallationId, string Date, int Revisit, string CustomerId, string Outcome, string? Note, string? RecordedAt, bool OpenTicket);
