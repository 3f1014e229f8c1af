using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>Sent texts kept in the process (local runs and tests); the Azure host keeps them in a table.</summary>
public sealed class InMemorySentTexts : ISentTexts
{
    private readonly Dictionary<(string Phone, string Key), SentText> sent = [];
    private readonly Lock gate = new();

    public Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (gate)
        {
            if (!sent.TryGetValue((e164, text.Key), out var known) || known.IsReservation)
                sent[(e164, text.Key)] = text with { IsReservation = false };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SentText>> ListSinceAsync(string e164, Instant since, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult<IReadOnlyList<SentText>>(List(e164, since));
    }

    public Task<BudgetDecision?> TryReserveAsync(
        string e164, SentText reservation, Instant since, Func<IReadOnlyList<SentText>, BudgetDecision> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(decide);
        lock (gate)
        {
            var decision = decide(List(e164, since));
            if (decision.Send && (!sent.TryGetValue((e164, reservation.Key), out var known) || known.IsReservation))
                sent[(e164, reservation.Key)] = reservation with { IsReservation = true };
            return Task.FromResult<BudgetDecision?>(decision);
        }
    }

    public Task ReleaseAsync(string e164, string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (sent.TryGetValue((e164, key), out var known) && known.IsReservation) sent.Remove((e164, key));
        }
        return Task.CompletedTask;
    }

    private List<SentText> List(string e164, Instant since) =>
        [.. sent.Where(s => s.Key.Phone == e164 && s.Value.SentAt >= since).Select(s => s.Value)];
}
