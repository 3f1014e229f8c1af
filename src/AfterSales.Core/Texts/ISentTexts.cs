using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// The texts each customer number was sent or is being sent (reserved), as the contact budget counts them.
/// </summary>
public interface ISentTexts
{
    /// <summary>
    /// Records <paramref name="text"/> as sent. A reservation under the same key becomes the sent text; recording a
    /// text already recorded as sent changes nothing.
    /// </summary>
    Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken);

    /// <summary>The texts sent to this number, and those reserved, at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<SentText>> ListSinceAsync(string e164, Instant since, CancellationToken cancellationToken);

    /// <summary>
    /// Asks <paramref name="decide"/> about the number's texts since <paramref name="since"/> (sent and reserved) and,
    /// when it allows the send, records <paramref name="reservation"/> (<see cref="SentText.IsReservation"/>) so that
    /// no other reservation for this number can decide on a list without it: two reservations racing are serialised,
    /// the later one decides again with the earlier one counted. Reserving a key already reserved leaves one row.
    /// </summary>
    /// <returns>The decision; null when other reservations kept changing the number's budget so that none could be made (try again shortly).</returns>
    Task<BudgetDecision?> TryReserveAsync(
        string e164, SentText reservation, Instant since, Func<IReadOnlyList<SentText>, BudgetDecision> decide, CancellationToken cancellationToken);

    /// <summary>Gives back a reservation whose text was not sent after all; a text recorded as sent stays.</summary>
    Task ReleaseAsync(string e164, string key, CancellationToken cancellationToken);
}
