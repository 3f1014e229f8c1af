namespace AfterSales.Core.Reports;

/// <summary>
/// The names of the running counters. Steps sent are counted generically, by their clock and level
/// (<c>sent/{clock}/{level}</c>), so a new kind of step (three strikes, major incidents) shows in the totals without
/// changing them; the reports pick kinds out by prefix.
/// </summary>
public static class TallyCounters
{
    public const string Opened = "opened";
    public const string Reopened = "reopened";
    public const string Resolved = "resolved";
    public const string FirstResponseMet = "first-response/met";
    public const string FirstResponseMissed = "first-response/missed";
    public const string ResolutionMet = "resolution/met";
    public const string ResolutionMissed = "resolution/missed";
    public const string SentPrefix = "sent/";
    public const string BreachPrefix = "breach/";
    public const string RatingPrefix = "rating/";
    public const string RevisitsDue = "revisits/due";
    public const string RevisitsDone = "revisits/done";
    public const string RevisitOutcomePrefix = "revisits/";

    /// <summary>Steps whose clock or level starts with this are customers flagged by the three-strikes rule.</summary>
    public const string ThreeStrikesPrefix = "three-strikes";

    /// <summary>Steps whose clock or level starts with this are major-incident reports.</summary>
    public const string MajorIncidentPrefix = "major-incident";

    /// <summary>Major incidents: one per ticket cycle whose major-incident chain is planned, however many roles it tells.</summary>
    public const string MajorIncidents = "major-incidents";

    /// <summary>The list of the latest tickets opened.</summary>
    public const string LatestList = "latest";

    /// <summary>The list of tickets rated 1 or 2.</summary>
    public const string LowRatingList = "low-rating";

    public static string Sent(string clockId, string level) => $"{SentPrefix}{ClockName(clockId)}/{level}";

    public static string Breach(string clockId) => BreachPrefix + ClockName(clockId);

    /// <summary>
    /// <c>update@evt-7</c> → <c>update</c>: a clock of one event (an update period, a commitment) is counted under its
    /// kind, so a team's day keeps one counter per kind of clock however many such steps it sends (the counters are one
    /// column of the day's row, and a column holds at most 64 KiB).
    /// </summary>
    public static string ClockName(string clockId)
    {
        ArgumentNullException.ThrowIfNull(clockId);
        var at = clockId.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? clockId : clockId[..at];
    }

    public static string Rating(int rating) => $"{RatingPrefix}{rating}";

    public static string CategoryRating(string category, int rating) => $"category/{category}/{RatingPrefix}{rating}";

    /// <summary>A counter of one policy (<c>policy/P1/opened</c>), for the monthly report's figures per policy.</summary>
    public static string OfPolicy(string policy, string counter) => $"policy/{policy}/{counter}";

    public static string RevisitOutcome(string outcome) => RevisitOutcomePrefix + outcome;
}
