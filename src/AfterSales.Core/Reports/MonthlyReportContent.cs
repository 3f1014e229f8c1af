using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// The monthly service report on the month before: the month's figures over all teams, per team and per policy, a
/// six-month trend, the ten latest tickets and the ratings by category. One email to the managers.
/// </summary>
public static class MonthlyReportContent
{
    /// <param name="months">The six months ending with the reported one, oldest first, with their figures.</param>
    /// <param name="teams">The reported month's figures per team.</param>
    /// <param name="calendars">The calendars whose holidays run out within the notice period, or have (none: no section).</param>
    public static ReportContent Compose(
        YearMonth month, IReadOnlyList<(YearMonth Month, ReportFigures Figures)> months, IReadOnlyDictionary<string, ReportFigures> teams, ReportTexts t,
        IReadOnlyList<Calendars.CalendarCoverageStatus>? calendars = null)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(t);
        var all = months[^1].Figures;
        string[] one = [t.Month(month)];
        var tables = new List<ReportTable> { new(t.Tickets, one, Figures(all, t, all), []) };

        var maxOpened = Math.Max(1, months.Max(m => m.Figures.Opened));
        tables.Add(new ReportTable(t.Trend, [t.Opened, t.Resolved, t.Breaches],
            [.. months.Select(m => new ReportRow(t.Month(m.Month),
                [DigestContent.Number(m.Figures.Opened), DigestContent.Number(m.Figures.Resolved), DigestContent.Number(m.Figures.Breaches)],
                [(double)m.Figures.Opened / maxOpened, (double)m.Figures.Resolved / maxOpened, (double)m.Figures.Breaches / maxOpened]))],
            []));

        foreach (var (team, figures) in teams.OrderBy(p => p.Key, StringComparer.Ordinal))
            tables.Add(new ReportTable(t.TeamSection(team), one, Figures(figures, t, all), []));
        foreach (var policy in all.Policies)
            tables.Add(new ReportTable(t.PolicySection(policy), one, Figures(all.ForPolicy(policy), t, all, ofPolicy: true), []));

        var latest = all.NotesOf(TallyCounters.LatestList).Take(10).ToList();
        tables.Add(new ReportTable(t.Latest, [], [], latest.Count == 0 ? [t.NoTickets] : [.. latest.Select(n => $"#{n.TicketId} · {n.Text}")]));
        tables.Add(new ReportTable(t.ByCategory, [t.AverageRating, t.Ratings],
            [.. all.RatingsByCategory.Select(c => new ReportRow(c.Key, [ReportTexts.Average(c.Value.Average), t.RatingsCount(c.Value.Count)], [c.Value.Average / 5]))],
            all.RatingsByCategory.Count == 0 ? [t.NoRatings] : []));

        if (calendars is { Count: > 0 })
        {
            // Said first: a calendar that runs out makes every deadline after it wrong, which matters more than any figure.
            tables.Insert(0, new ReportTable(t.Calendars, [], [], [.. calendars.Where(c => c.Years is not null).Select(c =>
                t.CalendarRunsOut(c.Calendar, c.Years!.Value.Last, new LocalDate(c.Years.Value.Last + 1, 1, 1), c.State == Calendars.CoverageState.RanOut))]));
        }

        var title = t.Month(month);
        return new ReportContent(t.Locale, $"{t.ReportBanner} · {title}", t.ReportBanner, title,
            t.ReportSummary(month, all.Opened, all.Resolved, all.Breaches), tables, t.Footer);
    }

    /// <summary>The month's figures of some scope, each count's bar a share of the same count over all teams.</summary>
    /// <param name="ofPolicy">A policy's figures: tickets and promises only (steps sent are counted per team, not per policy).</param>
    private static List<ReportRow> Figures(ReportFigures f, ReportTexts t, ReportFigures all, bool ofPolicy = false)
    {
        ReportRow Count(string label, long value, long whole) => new(label, [DigestContent.Number(value)], [(double)value / Math.Max(1, whole)]);
        var rows = new List<ReportRow>
        {
            Count(t.Opened, f.Opened, all.Opened),
            Count(t.Resolved, f.Resolved, all.Resolved),
            new(t.FirstResponseMet, [ReportTexts.Share(f.FirstResponseMet)], [f.FirstResponseMet ?? 0]),
            new(t.ResolutionMet, [ReportTexts.Share(f.ResolutionMet)], [f.ResolutionMet ?? 0]),
        };
        if (ofPolicy) return rows;
        rows.Add(Count(t.Breaches, f.Breaches, all.Breaches));
        foreach (var (level, count) in f.EscalationsPerLevel) rows.Add(Count(t.Level(level), count, all.EscalationsPerLevel.GetValueOrDefault(level)));
        if (f.Ratings > 0 || f.RevisitsDue > 0 || f.ThreeStrikes > 0 || f.MajorIncidents > 0 || ReferenceEquals(f, all))
        {
            rows.Add(new ReportRow(t.AverageRating, [ReportTexts.Average(f.AverageRating)], [(f.AverageRating ?? 0) / 5]));
            rows.Add(Count(t.LowRatings, f.LowRatings, all.LowRatings));
            rows.Add(Count($"{t.Revisits}: {t.RevisitsDue}", f.RevisitsDue, all.RevisitsDue));
            rows.Add(Count($"{t.Revisits}: {t.RevisitsDone}", f.RevisitsDone, all.RevisitsDone));
            rows.Add(Count($"{t.Revisits}: {t.RevisitsReached}", f.RevisitsReached, all.RevisitsReached));
            rows.Add(Count($"{t.Revisits}: {t.RevisitProblems}", f.RevisitProblems, all.RevisitProblems));
            rows.Add(Count(t.ThreeStrikes, f.ThreeStrikes, all.ThreeStrikes));
            rows.Add(Count(t.MajorIncidents, f.MajorIncidents, all.MajorIncidents));
        }

        return rows;
    }
}
