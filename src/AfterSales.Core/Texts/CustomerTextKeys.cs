using System.Globalization;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// The deterministic keys of customer texts, unique per ticket and occasion, so that a text is produced once
/// however often the planner runs (<c>T-1/text/ack/1</c>, <c>T-1/text/progress/2026-10-02</c>, …).
/// </summary>
public static class CustomerTextKeys
{
    public static string Acknowledgement(string ticketId, int cycle) => $"{ticketId}/text/ack/{N(cycle)}";

    /// <param name="day">The customer's local date: at most one progress note a day.</param>
    public static string Progress(string ticketId, LocalDate day) => $"{ticketId}/text/progress/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string AppointmentDayBefore(string ticketId, string scheduledEventId) => $"{ticketId}/text/appointment-day-before@{scheduledEventId}";

    public static string AppointmentSoon(string ticketId, string scheduledEventId) => $"{ticketId}/text/appointment-soon@{scheduledEventId}";

    public static string Apology(string ticketId, int cycle) => $"{ticketId}/text/apology/{N(cycle)}";

    public static string Survey(string ticketId, int cycle) => $"{ticketId}/text/survey/{N(cycle)}";

    public static string SurveyReminder(string ticketId, int cycle) => $"{ticketId}/text/survey-reminder/{N(cycle)}";

    /// <summary>The survey a reminder key (<see cref="SurveyReminder"/>) reminds of.</summary>
    public static string SurveyOfReminder(string reminderKey) =>
        reminderKey.Replace("/text/survey-reminder/", "/text/survey/", StringComparison.Ordinal);

    /// <summary>Whether a produced key is a customer text's (not an escalation step's).</summary>
    public static bool IsText(string key) => key.Contains("/text/", StringComparison.Ordinal);

    /// <summary>Whether a produced key is a survey's (<see cref="Survey"/>).</summary>
    public static bool IsSurvey(string key) => key.Contains("/text/survey/", StringComparison.Ordinal);

    public static string RatingThanks(string ticketId, int cycle) => $"{ticketId}/text/rating-thanks/{N(cycle)}";

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);
}
