namespace AfterSales.Core.Texts;

/// <summary>The placeholders a template may use, per kind of text.</summary>
public static class TextPlaceholders
{
    public const string CustomerName = "customerName";
    public const string TicketNumber = "ticketNumber";
    public const string RespondBy = "respondBy";
    public const string VisitAt = "visitAt";
    public const string Technician = "technician";
    public const string SurveyLink = "surveyLink";
    public const string Installation = "installation";

    /// <summary>Longest customer name put into a text; a longer one is cut, so that every text fits two segments.</summary>
    public const int MaxCustomerNameLength = 20;

    /// <summary>Longest technician name put into a text.</summary>
    public const int MaxTechnicianLength = 12;

    public static IReadOnlySet<string> For(TextKind kind) => kind switch
    {
        TextKind.Acknowledgement => Set(CustomerName, TicketNumber, RespondBy),
        TextKind.Progress or TextKind.RatingThanks or TextKind.Apology => Set(CustomerName, TicketNumber),
        TextKind.AppointmentDayBefore or TextKind.AppointmentSoon => Set(CustomerName, TicketNumber, VisitAt, Technician),
        TextKind.Survey or TextKind.SurveyReminder => Set(CustomerName, TicketNumber, SurveyLink),
        TextKind.Revisit => Set(CustomerName, Installation),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind of text"),
    };

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
