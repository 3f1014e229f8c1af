using System.Collections.Concurrent;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>Sent texts kept in the process (local runs and tests); the Azure host keeps them in a table.</summary>
public sealed class InMemorySentTexts : ISentTexts
{
    private readonly ConcurrentDictionary<(string Phone, string Key), SentText> sent = new();

    public Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        sent.TryAdd((e164, text.Key), text);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SentText>> ListSinceAsync(string e164, Instant since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SentText>>([.. sent.Where(s => s.Key.Phone == e164 && s.Value.SentAt >= since).Select(s => s.Value)]);
}
