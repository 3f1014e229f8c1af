namespace AfterSales.Core.Texts;

/// <summary>Where a survey link stands, as the survey page shows it.</summary>
public enum SurveyLinkState
{
    /// <summary>Signed, unexpired, sent, not rated yet: the customer may rate.</summary>
    Open,

    /// <summary>Rated already (by the link or an SMS reply): the first rating stands.</summary>
    Answered,

    Expired,

    /// <summary>The signature does not match: altered, or not issued by us.</summary>
    Forged,

    /// <summary>Not a survey token at all (cut short, garbled).</summary>
    Malformed,

    /// <summary>Signed, but no such survey was ever sent.</summary>
    NotFound,

    /// <summary>The answer itself is wrong (no rating, a rating outside 1–5, a comment too long).</summary>
    Invalid,
}

/// <param name="TicketId">The ticket the signed token names (null when the token cannot be trusted).</param>
/// <param name="Rating">The rating recorded, when <see cref="SurveyLinkState.Answered"/>.</param>
/// <param name="Error">Why the link cannot be used, in words for the log or an API.</param>
public sealed record SurveyLinkView(SurveyLinkState State, string? TicketId, int? Rating, string? Error);
