using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>The <c>Texts</c> settings: when and what customers are texted (see <see cref="TextSettingsLoader"/>).</summary>
/// <param name="CustomerTimeZone">The customers' time zone: the contract carries none per customer.</param>
/// <param name="QuietHours">Nights, and the public holidays of <c>Texts:HolidayCalendar</c>.</param>
/// <param name="NonUrgentPerDay">Non-urgent texts (progress, survey reminder, revisit) per customer per local day.</param>
/// <param name="SurveyEvery">At most one survey per customer in this time.</param>
/// <param name="AppointmentSoonBefore">The second appointment reminder's lead; null when it is off.</param>
/// <param name="SurveyLinkBase">The survey link is this followed by the token.</param>
public sealed record TextSettings(
    DateTimeZone CustomerTimeZone,
    QuietHours QuietHours,
    int NonUrgentPerDay,
    Duration SurveyEvery,
    Duration SurveyDelay,
    Duration SurveyReminderAfter,
    Duration AppointmentDayBeforeLead,
    Duration? AppointmentSoonBefore,
    TextTemplates Templates,
    byte[] SurveySigningKey,
    Duration SurveyTokenLifetime,
    string SurveyLinkBase)
{
    /// <summary>The company's name as customers know it (the survey page's heading): <c>Texts__CompanyName</c>.</summary>
    public string CompanyName { get; init; } = "AfterSales";

    /// <summary>
    /// How long after it was produced a text the SMS provider keeps not taking (busy, unreachable) is still tried:
    /// then it ends <c>failed</c> and the duty manager's failure summary lists it (<c>Texts__GiveUpAfter</c>).
    /// </summary>
    public Duration GiveUpAfter { get; init; } = DefaultGiveUpAfter;

    public static readonly Duration DefaultGiveUpAfter = Duration.FromDays(1);

    public SurveyTokens SurveyTokens() => new(SurveySigningKey);
}
