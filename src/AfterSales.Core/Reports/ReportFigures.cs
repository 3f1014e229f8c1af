namespace AfterSales.Core.Reports;

/// <summary>
/// The figures of a report over some teams and days, summed from their running totals (one row per team and day).
/// Shares are null when nothing was decided (no promise kept or missed): a report shows "–", not 0%.
/// </summary>
public sealed class ReportFigures
{
    private readonly Dictionary<string, long> counts;

    // The figures never change once summed: what is derived from every counter is worked out once, not at each read
    // (a report reads a level's count for every level, and a large helpdesk has a counter per update step sent).
    private List<(string Clock, string Level, long Value)>? sent;
    private IReadOnlyDictionary<string, long>? escalationsPerLevel;

    private ReportFigures(Dictionary<string, long> counts, IReadOnlyList<TallyNote> notes)
    {
        this.counts = counts;
        Notes = notes;
    }

    public static ReportFigures Of(IEnumerable<DailyTally> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var notes = new List<TallyNote>();
        foreach (var day in days)
        {
            foreach (var (name, value) in day.Counts) counts[name] = counts.GetValueOrDefault(name) + value;
            notes.AddRange(day.Notes);
        }

        return new ReportFigures(counts, [.. notes.OrderByDescending(n => n.At).ThenBy(n => n.TicketId, StringComparer.Ordinal)]);
    }

    /// <summary>The figures of one policy (its <c>policy/{name}/…</c> counters).</summary>
    public ReportFigures ForPolicy(string policy)
    {
        var prefix = TallyCounters.OfPolicy(policy, "");
        var own = counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Key[prefix.Length..], c => c.Value, StringComparer.Ordinal);
        return new ReportFigures(own, []);
    }

    /// <summary>The policies these totals name, in name order.</summary>
    public IReadOnlyList<string> Policies =>
        [.. counts.Keys.Where(k => k.StartsWith("policy/", StringComparison.Ordinal)).Select(k => k.Split('/')[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IReadOnlyList<TallyNote> Notes { get; }

    public long Count(string counter) => counts.GetValueOrDefault(counter);

    public long Opened => Count(TallyCounters.Opened);

    public long Resolved => Count(TallyCounters.Resolved);

    public double? FirstResponseMet => Share(Count(TallyCounters.FirstResponseMet), Count(TallyCounters.FirstResponseMissed));

    public double? ResolutionMet => Share(Count(TallyCounters.ResolutionMet), Count(TallyCounters.ResolutionMissed));

    public long Breaches => Sum(k => k.StartsWith(TallyCounters.BreachPrefix, StringComparison.Ordinal));

    /// <summary>Escalation steps sent per ladder level (the rating alerts, three-strikes flags and incident reports apart).</summary>
    public IReadOnlyDictionary<string, long> EscalationsPerLevel => escalationsPerLevel ??=
        Sent().Where(c => !IsSpecial(c.Clock, c.Level) && c.Clock != Texts.RatingFollowUps.ClockId)
            .GroupBy(c => c.Level, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    public long Ratings => Enumerable.Range(1, 5).Sum(r => Count(TallyCounters.Rating(r)));

    public double? AverageRating => Ratings == 0 ? null : (double)Enumerable.Range(1, 5).Sum(r => r * Count(TallyCounters.Rating(r))) / Ratings;

    public long LowRatings => Count(TallyCounters.Rating(1)) + Count(TallyCounters.Rating(2));

    /// <summary>Ratings per category: how many, and their average.</summary>
    public IReadOnlyDictionary<string, (long Count, double Average)> RatingsByCategory =>
        counts.Where(c => c.Key.StartsWith("category/", StringComparison.Ordinal))
            .Select(c => (Parts: c.Key.Split('/'), c.Value))
            .Where(c => c.Parts.Length == 4 && int.TryParse(c.Parts[3], out _))
            .GroupBy(c => c.Parts[1], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(c => c.Value), (double)g.Sum(c => int.Parse(c.Parts[3], System.Globalization.CultureInfo.InvariantCulture) * c.Value) / g.Sum(c => c.Value)),
                StringComparer.Ordinal);

    public long RevisitsDue => Count(TallyCounters.RevisitsDue);

    public long RevisitsDone => Count(TallyCounters.RevisitsDone);

    public long RevisitsReached => Count(TallyCounters.RevisitOutcome("reached"));

    public long RevisitProblems => Count(TallyCounters.RevisitOutcome("problem-found"));

    /// <summary>Customers flagged by the three-strikes rule: steps sent whose clock or level starts with <c>three-strikes</c>.</summary>
    public long ThreeStrikes => SentWithPrefix(TallyCounters.ThreeStrikesPrefix);

    /// <summary>Major incidents: one per ticket cycle the major-incident chain reports, not one per role it emails.</summary>
    public long MajorIncidents => Count(TallyCounters.MajorIncidents);

    public IReadOnlyList<TallyNote> NotesOf(string list) => [.. Notes.Where(n => n.List == list)];

    private long SentWithPrefix(string prefix) =>
        Sent().Where(c => c.Clock.StartsWith(prefix, StringComparison.Ordinal) || c.Level.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>The <c>sent/{clock}/{level}</c> counters; a clock id may hold a slash (an event id), a level does not.</summary>
    private List<(string Clock, string Level, long Value)> Sent() => sent ??=
        [.. counts.Where(c => c.Key.StartsWith(TallyCounters.SentPrefix, StringComparison.Ordinal) && c.Key.LastIndexOf('/') > TallyCounters.SentPrefix.Length)
            .Select(c =>
            {
                var kind = c.Key[TallyCounters.SentPrefix.Length..];
                var split = kind.LastIndexOf('/');
                return (kind[..split], kind[(split + 1)..], c.Value);
            })];

    private static bool IsSpecial(string clock, string level) =>
        new[] { TallyCounters.ThreeStrikesPrefix, TallyCounters.MajorIncidentPrefix }
            .Any(p => clock.StartsWith(p, StringComparison.Ordinal) || level.StartsWith(p, StringComparison.Ordinal));

    private long Sum(Func<string, bool> which) => counts.Where(c => which(c.Key)).Sum(c => c.Value);

    private static double? Share(long met, long missed) => met + missed == 0 ? null : (double)met / (met + missed);
}
