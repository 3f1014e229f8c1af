using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>What one revisit run did.</summary>
/// <param name="Today">The customers' local date.</param>
/// <param name="Idle">Nothing to do: before the send time, or today's revisits were all handled already.</param>
/// <param name="Produced">Revisits (text + call) this run produced.</param>
/// <param name="Ended">Programmes this run ended (the customer opted out).</param>
/// <param name="CallListSent">This run sent the team's email.</param>
/// <param name="CallListError">Why this run's email failed (tried again by the next run).</param>
public sealed record RevisitRunReport(LocalDate Today, bool Idle, int Produced, int Ended, bool CallListSent, string? CallListError)
{
    /// <summary>Days before today that no run handled (the app was down), whose revisits this run caught up.</summary>
    public int MissedDays { get; init; }
}
