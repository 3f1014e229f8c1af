using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>The texts each customer number was sent, as the contact budget counts them.</summary>
public interface ISentTexts
{
    /// <summary>Recording the same text (key) twice changes nothing.</summary>
    Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken);

    /// <summary>The texts sent to this number at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<SentText>> ListSinceAsync(string e164, Instant since, CancellationToken cancellationToken);
}
