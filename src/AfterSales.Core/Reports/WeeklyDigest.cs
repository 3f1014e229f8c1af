using AfterSales.Core.Email;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// The weekly digest, run by a timer every few minutes (UTC). Once the digest day and time have come in the reports'
/// zone, each team's supervisor (<see cref="ReportSettings.TeamRole"/>) gets the team's week beside the week before,
/// and the managers (<see cref="ReportSettings.ManagerRoles"/>) the same over all teams: every configured team and every
/// team with totals gets one, so a quiet team's supervisor sees zeros rather than nothing. It reads the running totals
/// of the two weeks (days × teams rows), never every ticket; with <paramref name="oldest"/>, the few oldest open
/// tickets of each team and of all teams from the index of open tickets. Each email is sent at most once per week.
/// </summary>
public sealed class WeeklyDigest(
    ITallies tallies, IReportLog log, IEmailSender email, AfterSalesSettings settings, ReportSettings reports, OldestOpenTickets? oldest = null)
{
    private readonly ReportSchedule schedule = new(reports);
    private readonly ReportMailer mailer = new(log, email);

    public async Task<ReportRun> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        var day = schedule.LatestDigestDay(now);
        var period = $"digest-{RevisitKeys.Day(day)}";
        if (now - schedule.DigestInstant(day) > ReportSchedule.DigestGrace) return new ReportRun(period, true, []);
        if (await log.IsCompleteAsync(period, cancellationToken).ConfigureAwait(false)) return new ReportRun(period, true, []);

        var weekStart = day.PlusDays(-6);
        var rows = await tallies.ReadAsync(weekStart.PlusDays(-7), day.PlusDays(1), cancellationToken).ConfigureAwait(false);
        var texts = ReportTexts.For(settings.Email.Locale);
        async Task<ReportContent> Digest(string? team)
        {
            var scope = rows.Where(r => team is null || r.Team == team).ToList();
            var open = oldest is null ? null : await oldest.ListAsync(team, now, cancellationToken).ConfigureAwait(false);
            return DigestContent.Compose(
                team, day, ReportFigures.Of(scope.Where(r => r.Day >= weekStart)), ReportFigures.Of(scope.Where(r => r.Day < weekStart)), texts, open);
        }

        var emails = new List<(string, string, ReportContent)>();
        foreach (var team in settings.Escalation.Teams.Keys.Union(rows.Select(r => r.Team), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (settings.Escalation.AddressFor(team, reports.TeamRole) is { } to)
                emails.Add((ReportMailer.Audience("team", team), to, await Digest(team).ConfigureAwait(false)));
        }

        var overall = await Digest(null).ConfigureAwait(false);
        foreach (var to in ManagerAddresses(settings, reports)) emails.Add((ReportMailer.Audience("managers", to), to, overall));
        return await mailer.SendAsync(period, emails, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The addresses of the manager roles in the default team, each once.</summary>
    internal static IReadOnlyList<string> ManagerAddresses(AfterSalesSettings settings, ReportSettings reports) =>
        [.. reports.ManagerRoles.Select(role => settings.Escalation.AddressFor(settings.Escalation.DefaultTeam, role)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
}
