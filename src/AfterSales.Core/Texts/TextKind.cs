namespace AfterSales.Core.Texts;

/// <summary>The kinds of text a customer receives; each has its own template per locale.</summary>
public enum TextKind
{
    /// <summary>The ticket is open: its number, what happens next and by when.</summary>
    Acknowledgement,

    /// <summary>The company owes the customer an update (at most one a day).</summary>
    Progress,

    /// <summary>The day before a visit.</summary>
    AppointmentDayBefore,

    /// <summary>Shortly (2 h by default) before a visit, when enabled.</summary>
    AppointmentSoon,

    /// <summary>Thank-you and survey after resolution.</summary>
    Survey,

    /// <summary>The one reminder of an unanswered survey.</summary>
    SurveyReminder,

    /// <summary>Thanks for a rating of 4 or 5.</summary>
    RatingThanks,

    /// <summary>A scheduled revisit check-in.</summary>
    Revisit,

    /// <summary>The first response promised by the acknowledgement did not come in time: we are late, here is what happens next.</summary>
    Apology,
}
