using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>A survey text that went to a customer.</summary>
public sealed record SurveySent(string SurveyKey, string TicketId, string CustomerId, string Phone, Instant SentAt);

/// <summary>What follows a rating (SPEC): 1–2 alerts the manager within the hour, 4–5 gets a thank-you text.</summary>
public enum RatingFollowUp { None, AlertManager, ThankCustomer }

/// <param name="Comment">What the customer wrote with the rating on the survey page, if anything (never logged).</param>
public sealed record RatingRecorded(string SurveyKey, string TicketId, int Rating, Instant RatedAt, RatingFollowUp FollowUp, string? Comment = null)
{
    /// <summary>The longest comment kept: a few sentences, so it fits the manager's alert.</summary>
    public const int MaxCommentLength = 500;

    public static RatingFollowUp FollowUpFor(int rating) => rating switch
    {
        <= 2 => RatingFollowUp.AlertManager,
        >= 4 => RatingFollowUp.ThankCustomer,
        _ => RatingFollowUp.None,
    };
}

/// <summary>Surveys sent and their ratings, found by ticket and key (a survey link) or by phone number (a reply).</summary>
public interface ISurveys
{
    /// <summary>Recording the same survey twice changes nothing.</summary>
    Task RecordSentAsync(SurveySent survey, CancellationToken cancellationToken);

    Task<SurveySent?> FindAsync(string ticketId, string surveyKey, CancellationToken cancellationToken);

    /// <summary>Whether this survey of the ticket has a rating (false when it was never sent).</summary>
    Task<bool> IsRatedAsync(string ticketId, string surveyKey, CancellationToken cancellationToken);

    /// <summary>The latest survey sent to this number since <paramref name="since"/> that has no rating yet.</summary>
    Task<SurveySent?> LatestOpenAsync(string e164, Instant since, CancellationToken cancellationToken);

    /// <summary>The rating this survey of the ticket got (null: not rated, or never sent).</summary>
    Task<int?> RatingOfAsync(string ticketId, string surveyKey, CancellationToken cancellationToken);

    /// <param name="comment">What the customer wrote on the survey page (null from an SMS reply).</param>
    /// <returns>False when the survey was rated already (the first rating stands).</returns>
    Task<bool> RecordRatingAsync(SurveySent survey, int rating, Instant at, string? comment, CancellationToken cancellationToken);
}
