using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>What the revisit team found when it called.</summary>
public enum RevisitOutcome
{
    Reached,
    NoAnswer,

    /// <summary>The customer reported a problem: a new ticket should be opened for it.</summary>
    ProblemFound,
}

/// <summary>
/// One revisit of one installation on one day: the check-in text (rendered, waiting for the text dispatcher) and
/// the team's call, with its outcome once recorded. Produced once per (installation, date).
/// </summary>
/// <param name="Number">Which revisit of the programme this is (1 = the first).</param>
/// <param name="TextBody">The rendered check-in text; null when the customer has no phone number.</param>
/// <param name="TextSendAt">When the text may go out (quiet hours applied).</param>
public sealed record RevisitCall(
    LocalDate Date,
    string InstallationId,
    int Number,
    string CustomerId,
    string CustomerName,
    string? Phone,
    string? Email,
    string Locale,
    string? TextBody,
    Instant TextSendAt,
    Instant ProducedAt,
    RevisitOutcome? Outcome = null,
    string? OutcomeNote = null,
    Instant? OutcomeAt = null)
{
    /// <summary>The check-in text's deterministic key: <c>revisit/{installation}/{yyyy-MM-dd}</c>.</summary>
    public string TextKey => RevisitKeys.Text(InstallationId, Date);
}
