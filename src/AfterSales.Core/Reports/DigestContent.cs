using System.Globalization;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// The weekly digest: each figure of the week beside last week's, with a bar for each so the change shows at a
/// glance, and the tickets rated 1–2 listed. One per team (to its supervisor) and one over all teams (to the managers).
/// </summary>
public static class DigestContent
{
    /// <param name="team">The team, or null for the digest over all teams.</param>
    /// <param name="lastDay">The digest's day: the week is the seven days ending with it.</param>
    /// <param name="oldest">The oldest open tickets of the digest's scope, oldest first (null: not listed, no index).</param>
    public static ReportContent Compose(
        string? team, LocalDate lastDay, ReportFigures week, ReportFigures before, ReportTexts t, IReadOnlyList<OldestOpenLine>? oldest = null)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(t);
        var span = t.Week(lastDay.PlusDays(-6), lastDay);
        string[] columns = [t.ThisWeek, t.LastWeek];
        var tickets = new List<ReportRow>
        {
            Compare(t.Opened, week.Opened, before.Opened),
            Compare(t.Resolved, week.Resolved, before.Resolved),
            Shares(t.FirstResponseMet, week.FirstResponseMet, before.FirstResponseMet),
            Shares(t.ResolutionMet, week.ResolutionMet, before.ResolutionMet),
            Compare(t.Breaches, week.Breaches, before.Breaches),
        };
        foreach (var level in week.EscalationsPerLevel.Keys.Union(before.EscalationsPerLevel.Keys).Order(StringComparer.Ordinal))
            tickets.Add(Compare(t.Level(level), week.EscalationsPerLevel.GetValueOrDefault(level), before.EscalationsPerLevel.GetValueOrDefault(level)));
        tickets.Add(Compare(t.ThreeStrikes, week.ThreeStrikes, before.ThreeStrikes));
        tickets.Add(Compare(t.MajorIncidents, week.MajorIncidents, before.MajorIncidents));

        var feedback = new List<ReportRow>
        {
            new(t.AverageRating, [ReportTexts.Average(week.AverageRating), ReportTexts.Average(before.AverageRating)],
                [(week.AverageRating ?? 0) / 5, (before.AverageRating ?? 0) / 5]),
            Compare(t.LowRatings, week.LowRatings, before.LowRatings),
        };
        var low = week.NotesOf(TallyCounters.LowRatingList);
        IReadOnlyList<string> lowLines = low.Count == 0 ? [t.NoLowRatings] : [.. low.Select(n => $"#{n.TicketId} · {n.Text}")];

        var revisits = new List<ReportRow>
        {
            Compare(t.RevisitsDue, week.RevisitsDue, before.RevisitsDue),
            Compare(t.RevisitsDone, week.RevisitsDone, before.RevisitsDone),
            Compare(t.RevisitsReached, week.RevisitsReached, before.RevisitsReached),
            Compare(t.RevisitProblems, week.RevisitProblems, before.RevisitProblems),
        };

        var title = team is null ? t.OverallTitle : t.DigestTitle(team);
        var tables = new List<ReportTable> { new(t.Tickets, columns, tickets, []) };
        if (oldest is not null) tables.Add(Oldest(oldest, t));
        tables.Add(new ReportTable(t.Ratings, columns, feedback, lowLines));
        tables.Add(new ReportTable(t.Revisits, columns, revisits, []));
        return new ReportContent(
            t.Locale,
            $"{title} · {span}",
            $"{t.DigestBanner} · {span}",
            title,
            t.DigestSummary(week.Opened, week.Resolved, week.Breaches, before.Breaches),
            tables,
            t.Footer);
    }

    /// <summary>The oldest open tickets: age, priority, owner and the last level escalated to; no bars.</summary>
    internal static ReportTable Oldest(IReadOnlyList<OldestOpenLine> oldest, ReportTexts t) =>
        new(t.OldestOpen, t.OldestColumns,
            [.. oldest.Select(o => new ReportRow(
                o.Cycle > 1 ? $"#{o.TicketId} ({t.Reopened})" : $"#{o.TicketId}",
                [t.Age(o.Age), o.Priority ?? "–", $"{o.Owner ?? "–"} · {o.Level ?? t.NotEscalated}"],
                []))],
            oldest.Count == 0 ? [t.NoOpenTickets] : []);

    /// <summary>Two counts side by side, each bar a share of the larger.</summary>
    internal static ReportRow Compare(string label, long now, long before)
    {
        var max = Math.Max(1, Math.Max(now, before));
        return new ReportRow(label, [Number(now), Number(before)], [(double)now / max, (double)before / max]);
    }

    internal static ReportRow Shares(string label, double? now, double? before) =>
        new(label, [ReportTexts.Share(now), ReportTexts.Share(before)], [now ?? 0, before ?? 0]);

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
