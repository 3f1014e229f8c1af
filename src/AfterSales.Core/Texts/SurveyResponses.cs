using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>A survey answer through the signed link: the rating recorded, or why nothing was.</summary>
/// <param name="State">Where the link stands (for a page a person understands).</param>
/// <param name="RatingBefore">The rating recorded earlier, when the survey was answered already.</param>
public sealed record SurveyLinkResult(RatingRecorded? Recorded, string? Error, SurveyLinkState State = SurveyLinkState.Open, int? RatingBefore = null);

/// <summary>
/// Records ratings: a 1–5 reply counts for the customer's latest open survey (sent within the token lifetime,
/// not rated yet); a rating through the survey link counts for the survey its signed token names. A forged,
/// altered or expired token records nothing. The first rating of a survey stands.
/// </summary>
public sealed class SurveyResponses(ISurveys surveys, TextSettings settings)
{
    private readonly SurveyTokens tokens = settings.SurveyTokens();

    public async Task<RatingRecorded?> RateByReplyAsync(string e164, int rating, Instant at, CancellationToken cancellationToken)
    {
        CheckRating(rating);
        var survey = await surveys.LatestOpenAsync(e164, at - settings.SurveyTokenLifetime, cancellationToken).ConfigureAwait(false);
        return survey is null ? null : await RecordAsync(survey, rating, at, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a survey link stands before anything is recorded: open, answered (with the rating), expired, forged, not found.</summary>
    public async Task<SurveyLinkView> ViewAsync(string? token, Instant now, CancellationToken cancellationToken)
    {
        var check = tokens.Check(token, now);
        if (check.Claims is not { } claims) return new SurveyLinkView(StateOf(check.Problem), null, null, check.Error);
        var survey = await surveys.FindAsync(claims.TicketId, claims.SurveyKey, cancellationToken).ConfigureAwait(false);
        if (survey is null) return new SurveyLinkView(SurveyLinkState.NotFound, claims.TicketId, null, "this survey was never sent");
        var rating = await surveys.RatingOfAsync(claims.TicketId, claims.SurveyKey, cancellationToken).ConfigureAwait(false);
        return rating is { } given
            ? new SurveyLinkView(SurveyLinkState.Answered, claims.TicketId, given, "this survey was answered already: thank you")
            : new SurveyLinkView(SurveyLinkState.Open, claims.TicketId, null, null);
    }

    /// <param name="comment">Optional, at most <see cref="RatingRecorded.MaxCommentLength"/> characters (trimmed; blank is none).</param>
    public async Task<SurveyLinkResult> RateByLinkAsync(string? token, int rating, Instant now, CancellationToken cancellationToken, string? comment = null)
    {
        if (rating is < 1 or > 5) return new SurveyLinkResult(null, $"'{rating}' is not a rating: choose 1 to 5", SurveyLinkState.Invalid);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > RatingRecorded.MaxCommentLength })
            return new SurveyLinkResult(null, $"the comment is longer than {RatingRecorded.MaxCommentLength} characters", SurveyLinkState.Invalid);
        var check = tokens.Check(token, now);
        if (check.Claims is not { } claims) return new SurveyLinkResult(null, check.Error, StateOf(check.Problem));
        var survey = await surveys.FindAsync(claims.TicketId, claims.SurveyKey, cancellationToken).ConfigureAwait(false);
        if (survey is null) return new SurveyLinkResult(null, "this survey was never sent", SurveyLinkState.NotFound);
        var recorded = await RecordAsync(survey, rating, now, comment, cancellationToken).ConfigureAwait(false);
        if (recorded is not null) return new SurveyLinkResult(recorded, null);
        var before = await surveys.RatingOfAsync(claims.TicketId, claims.SurveyKey, cancellationToken).ConfigureAwait(false);
        return new SurveyLinkResult(null, "this survey was answered already: thank you", SurveyLinkState.Answered, before);
    }

    private static SurveyLinkState StateOf(SurveyTokenProblem? problem) => problem switch
    {
        SurveyTokenProblem.Expired => SurveyLinkState.Expired,
        SurveyTokenProblem.Forged => SurveyLinkState.Forged,
        _ => SurveyLinkState.Malformed,
    };

    private async Task<RatingRecorded?> RecordAsync(SurveySent survey, int rating, Instant at, string? comment, CancellationToken cancellationToken) =>
        await surveys.RecordRatingAsync(survey, rating, at, comment, cancellationToken).ConfigureAwait(false)
            ? new RatingRecorded(survey.SurveyKey, survey.TicketId, rating, at, RatingRecorded.FollowUpFor(rating), comment)
            : null;

    private static void CheckRating(int rating)
    {
        if (rating is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5.");
    }
}
