using AfterSales.Core.Reports;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The running totals of a simulation: the same rows as <see cref="InMemoryTallies"/>, with two differences a month of a
/// large helpdesk needs. Each row's counters are added to in place (a row is copied when a report reads it, not at every
/// item), and the keys counted are not remembered here: <see cref="SimulatedReports"/> keeps them per ticket and drops
/// them when the ticket leaves play (a ticket's keys all carry its id, so no other ticket can offer them).
/// </summary>
internal sealed class SimulatedTallies : ITallies
{
    private static readonly IReadOnlyDictionary<string, long> NoCounts = new Dictionary<string, long>(StringComparer.Ordinal);
    private readonly Dictionary<(string Team, LocalDate Day), Row> rows = [];

    /// <summary>Counts every item offered: the caller offers each key once.</summary>
    public Task<bool> AddAsync(TallyItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = (item.Team, item.Day);
        if (!rows.TryGetValue(key, out var row)) rows[key] = row = new Row(DailyTally.Empty(item.Team, item.Day));
        foreach (var (name, value) in item.Counts) row.Counts[name] = row.Counts.GetValueOrDefault(name) + value;
        // The notes keep DailyTally's own rule (the latest few of each list); only the counters are added in place.
        if (item.Note is not null) row.Notes = row.Notes.Add(item with { Counts = NoCounts });
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<DailyTally>> ReadAsync(LocalDate from, LocalDate until, CancellationToken cancellationToken)
    {
        IReadOnlyList<DailyTally> found = [.. rows.Where(r => r.Key.Day >= from && r.Key.Day < until)
            .Select(r => new DailyTally(r.Key.Team, r.Key.Day, new Dictionary<string, long>(r.Value.Counts, StringComparer.Ordinal), r.Value.Notes.Notes))
            .OrderBy(r => r.Day).ThenBy(r => r.Team, StringComparer.Ordinal)];
        return Task.FromResult(found);
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        rows.Clear();
        return Task.CompletedTask;
    }

    private sealed class Row(DailyTally notes)
    {
        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        /// <summary>The row's notes, in a tally whose counters stay empty.</summary>
        public DailyTally Notes { get; set; } = notes;
    }
}
