using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// The monthly service report, run by a timer every few minutes (UTC): once the report day and time have come in the
/// reports' zone, the managers get the month before, read from the running totals of six months (days × teams rows).
/// Sent at most once per month and manager. A calendar whose holidays run out within <c>CalendarCoverage__NoticeBefore</c>
/// (or already have) is named at the top, with its last covered year and the day it runs out.
/// </summary>
public sealed class MonthlyReport(ITallies tallies, IReportLog log, IEmailSender email, AfterSalesSettings settings, ReportSettings reports)
{
    private readonly ReportSchedule schedule = new(reports);
    private readonly ReportMailer mailer = new(log, email);

    public async Task<ReportRun> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        var month = schedule.LatestReportedMonth(now);
        var period = $"report-{month.Year:D4}-{month.Month:D2}";
        if (now - schedule.ReportInstant(month) > ReportSchedule.ReportGrace) return new ReportRun(period, true, []);
        if (await log.IsCompleteAsync(period, cancellationToken).ConfigureAwait(false)) return new ReportRun(period, true, []);

        var first = month.PlusMonths(-5).OnDayOfMonth(1);
        var rows = await tallies.ReadAsync(first, month.PlusMonths(1).OnDayOfMonth(1), cancellationToken).ConfigureAwait(false);
        var months = Enumerable.Range(0, 6).Select(i => month.PlusMonths(i - 5))
            .Select(m => (m, ReportFigures.Of(rows.Where(r => r.Day.ToYearMonth() == m)))).ToList();
        var inMonth = rows.Where(r => r.Day.ToYearMonth() == month).ToList();
        var teams = settings.Escalation.Teams.Keys.Union(inMonth.Select(r => r.Team), StringComparer.Ordinal)
            .ToDictionary(team => team, team => ReportFigures.Of(inMonth.Where(r => r.Team == team)), StringComparer.Ordinal);
        var calendars = Calendars.CalendarCoverage.RunningOutWithin(settings.Calendars, now, settings.CalendarCoverage.NoticeBefore);
        var content = MonthlyReportContent.Compose(month, months, teams, ReportTexts.For(settings.Email.Locale), calendars);
        var emails = WeeklyDigest.ManagerAddresses(settings, reports).Select(to => (ReportMailer.Audience("managers", to), to, content)).ToList();
        return await mailer.SendAsync(period, emails, now, cancellationToken).ConfigureAwait(false);
    }
}
