using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>Running totals in memory: the simulation's, and the tests'.</summary>
public sealed class InMemoryTallies : ITallies
{
    private readonly Lock gate = new();
    private readonly HashSet<string> counted = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Team, LocalDate Day), DailyTally> rows = [];

    public Task<bool> AddAsync(TallyItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (gate)
        {
            if (!counted.Add(item.Key)) return Task.FromResult(false);
            var key = (item.Team, item.Day);
            rows[key] = (rows.GetValueOrDefault(key) ?? DailyTally.Empty(item.Team, item.Day)).Add(item);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<DailyTally>> ReadAsync(LocalDate from, LocalDate until, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<DailyTally> found = [.. rows.Values.Where(r => r.Day >= from && r.Day < until)
                .OrderBy(r => r.Day).ThenBy(r => r.Team, StringComparer.Ordinal)];
            return Task.FromResult(found);
        }
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            counted.Clear();
            rows.Clear();
        }

        return Task.CompletedTask;
    }
}
