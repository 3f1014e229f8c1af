namespace AfterSales.Core.Reports;

/// <summary>
/// The keys that make each counted thing count once. A ticket's own facts (<c>{ticket}/tally/{fact}/{cycle}</c>) are
/// also kept among the ticket's produced keys, so the sweep offers each one once, not on every look at the ticket.
/// </summary>
public static class TallyKeys
{
    private const string TicketMarker = "/tally/";

    public static string TicketFact(string ticketId, string fact, int cycle) => $"{ticketId}{TicketMarker}{fact}/{cycle}";

    /// <summary>Whether a produced key is a ticket fact counted in the totals, not a step sent.</summary>
    public static bool IsTicketFact(string producedKey) => producedKey.Contains(TicketMarker, StringComparison.Ordinal);

    public static string StepSent(string stepKey) => $"sent|{stepKey}";

    public static string Rating(string surveyKey) => $"rating|{surveyKey}";

    public static string RevisitDue(string installationId, NodaTime.LocalDate day) => $"revisit-due|{installationId}|{Revisits.RevisitKeys.Day(day)}";

    public static string RevisitOutcome(string installationId, NodaTime.LocalDate day) => $"revisit-outcome|{installationId}|{Revisits.RevisitKeys.Day(day)}";
}
