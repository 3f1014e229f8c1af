using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// When digests and reports are due, in the reports' zone. The timers run in UTC every few minutes; the handlers ask
/// this which digest or report is the latest due by now, and send it once (keyed by its week or month), so the local
/// day and time hold across daylight-saving changes and a run missed while the app was down is made up at the next one,
/// within a grace period: a digest more than <see cref="DigestGrace"/> late, or a report more than
/// <see cref="ReportGrace"/> late, is no longer news and is not sent (a first deployment does not send last week's).
/// </summary>
public sealed class ReportSchedule(ReportSettings settings)
{
    public static readonly Duration DigestGrace = Duration.FromDays(1);

    public static readonly Duration ReportGrace = Duration.FromDays(3);

    /// <summary>The digest day of the latest weekly digest due by <paramref name="now"/>: its week is the seven days ending with it.</summary>
    public LocalDate LatestDigestDay(Instant now)
    {
        var local = now.InZone(settings.Zone).LocalDateTime;
        var day = local.Date;
        while (day.DayOfWeek != settings.DigestDay) day = day.PlusDays(-1);
        return day == local.Date && local.TimeOfDay < settings.DigestAt ? day.PlusDays(-7) : day;
    }

    public Instant DigestInstant(LocalDate digestDay) => settings.Zone.AtLeniently(digestDay + settings.DigestAt).ToInstant();

    /// <summary>The month the latest monthly report due by <paramref name="now"/> covers (the month before it went out).</summary>
    public YearMonth LatestReportedMonth(Instant now)
    {
        var local = now.InZone(settings.Zone).LocalDateTime;
        var sendDay = new LocalDate(local.Year, local.Month, settings.MonthlyDay);
        if (local < sendDay + settings.MonthlyAt) sendDay = sendDay.PlusMonths(-1);
        return sendDay.PlusMonths(-1).ToYearMonth();
    }

    public Instant ReportInstant(YearMonth reported) =>
        settings.Zone.AtLeniently(reported.OnDayOfMonth(1).PlusMonths(1).PlusDays(settings.MonthlyDay - 1) + settings.MonthlyAt).ToInstant();
}
