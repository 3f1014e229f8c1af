using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>A survey answer through the signed link: the rating recorded, or why nothing was.</summary>
public sealed record SurveyLinkResult(RatingRecorded? Recorded, string? Error);

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
        return survey is null ? null : await RecordAsync(survey, rating, at, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SurveyLinkResult> RateByLinkAsync(string? token, int rating, Instant now, CancellationToken cancellationToken)
    {
        if (rating is < 1 or > 5) return new SurveyLinkResult(null, $"'{rating}' is not a rating: choose 1 to 5");
        var check = tokens.Check(token, now);
        if (check.Claims is not { } claims) return new SurveyLinkResult(null, check.Error);
        var survey = await surveys.FindAsync(claims.TicketId, claims.SurveyKey, cancellationToken).ConfigureAwait(false);
        if (survey is null) return new SurveyLinkResult(null, "this survey was never sent");
        var recorded = await RecordAsync(survey, rating, now, cancellationToken).ConfigureAwait(false);
        return recorded is null ? new SurveyLinkResult(null, "this survey was answered already: thank you") : new SurveyLinkResult(recorded, null);
    }

    private async Task<RatingRecorded?> RecordAsync(SurveySent survey, int rating, Instant at, CancellationToken cancellationToken) =>
        await surveys.RecordRatingAsync(survey, rating, at, cancellationToken).ConfigureAwait(false)
            ? new RatingRecorded(survey.SurveyKey, survey.TicketId, rating, at, RatingRecorded.FollowUpFor(rating))
            : null;

    private static void CheckRating(int rating)
    {
        if (rating is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5.");
    }
}
