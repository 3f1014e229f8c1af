using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Reports;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>
/// The daily revisits, run by a timer every few minutes (UTC). From <see cref="RevisitSettings.SendAt"/> in the
/// customers' time zone, each installation with a revisit due today (<see cref="RevisitSchedule"/>) gets, once per
/// (installation, date), a check-in text (an outbox row of the text channel, which the outbox drain sends through the
/// text dispatcher: opt-out, budget and quiet hours apply) and a line in the
/// revisit team's ONE email of the day. Overlapping runs are safe: every write is conditional, the email is claimed
/// before it is sent. A customer who opted out ends the programme. With <paramref name="tallies"/> each revisit due is
/// counted once in the reports' running totals (under the default team, whose revisit team makes the calls).
/// <para>
/// Days the app was down are caught up by the first run that handles a day: the revisits due on each day after the
/// last day a run handled (at most <see cref="MaxCatchUpDays"/> back) are produced then, under their own date (so each
/// is produced once, as on time), their texts go out now, and their calls are in that run's email, marked with the day
/// they were due. A store where no run ever handled a day catches nothing up.
/// </para>
/// </summary>
public sealed class RevisitRun(
    IRevisitProgrammes programmes,
    IRevisitCalls calls,
    IOptOuts optOuts,
    IEmailSender email,
    IOutbox outbox,
    AfterSalesSettings settings,
    TextSettings texts,
    RevisitSettings revisits,
    ITallies? tallies = null)
{
    public const string OptedOut = "opted-out";

    /// <summary>After this many failed sends the day's email is given up (its failures are recorded).</summary>
    public const int MaxCallListAttempts = 5;

    /// <summary>How many days back a run looks for days no run handled (the app was down).</summary>
    public const int MaxCatchUpDays = 31;

    public async Task<RevisitRunReport> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        var local = now.InZone(texts.CustomerTimeZone).LocalDateTime;
        var today = local.Date;
        if (local.TimeOfDay < revisits.SendAt) return new RevisitRunReport(today, true, 0, 0, false, null);
        var state = await calls.CallListAsync(today, cancellationToken).ConfigureAwait(false);
        // Sending: another run has it, or crashed while sending; it may have gone out, so it is not sent again.
        if (state is { Status: CallListStatus.Sent or CallListStatus.Sending or CallListStatus.NoCalls } || state is { Attempts: >= MaxCallListAttempts })
            return new RevisitRunReport(today, true, 0, 0, false, null);

        var missed = await MissedDaysAsync(today, cancellationToken).ConfigureAwait(false);
        var (produced, ended) = await ProduceAsync([.. missed, today], now, cancellationToken).ConfigureAwait(false);
        var dayCalls = new List<RevisitCall>();
        foreach (var day in missed.Append(today)) dayCalls.AddRange(await calls.ForDayAsync(day, cancellationToken).ConfigureAwait(false));
        if (dayCalls.Count == 0)
        {
            await calls.RecordNoCallsAsync(today, now, cancellationToken).ConfigureAwait(false);
            return new RevisitRunReport(today, false, produced, ended, false, null) { MissedDays = missed.Count };
        }

        if (!await calls.TryClaimCallListAsync(today, now, cancellationToken).ConfigureAwait(false))
            return new RevisitRunReport(today, false, produced, ended, false, null) { MissedDays = missed.Count };

        var to = settings.Escalation.AddressFor(settings.Escalation.DefaultTeam, EscalationRoles.RevisitTeam)
            ?? throw new InvalidOperationException($"The default team has no {EscalationRoles.RevisitTeam} address.");
        var message = RevisitCallListEmail.Compose(today, dayCalls, to, settings.Email.Locale);
        var result = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await calls.FinishCallListAsync(today, result, now, cancellationToken).ConfigureAwait(false);
        return new RevisitRunReport(today, false, produced, ended, result.Sent, result.Error) { MissedDays = missed.Count };
    }

    /// <summary>The days after the last one a run handled and before <paramref name="today"/>, oldest first.</summary>
    private async Task<List<LocalDate>> MissedDaysAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var lookBack = today.PlusDays(-MaxCatchUpDays);
        if (await calls.LastHandledDayAsync(today, lookBack, cancellationToken).ConfigureAwait(false) is not { } last) return [];
        var missed = new List<LocalDate>();
        for (var day = LocalDate.Max(last.PlusDays(1), lookBack); day < today; day = day.PlusDays(1)) missed.Add(day);
        return missed;
    }

    private async Task<(int Produced, int Ended)> ProduceAsync(IReadOnlyList<LocalDate> days, Instant now, CancellationToken cancellationToken)
    {
        var (produced, ended) = (0, 0);
        await foreach (var programme in programmes.ActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            var due = days.Select(day => (Day: day, Number: RevisitNumber(programme, day))).Where(d => d.Number > 0).ToList();
            if (due.Count == 0) continue;
            if (programme.Phone is { } phone && await optOuts.IsOptedOutAsync(phone, cancellationToken).ConfigureAwait(false))
            {
                await programmes.EndAsync(programme.InstallationId, OptedOut, cancellationToken).ConfigureAwait(false);
                ended++;
                continue;
            }

            foreach (var (day, number) in due)
            {
                // The text's outbox row first (adding it again adds nothing): a crash before the call row loses no text.
                if (CheckInText(programme, day, now) is { } text) await outbox.AddTextsAsync([text], now, cancellationToken).ConfigureAwait(false);
                if (await calls.TryAddAsync(Call(programme, number, day, now), cancellationToken).ConfigureAwait(false)) produced++;
                // Offered on every run until the call list went (counted once): a crash after the call row loses no count.
                if (tallies is not null)
                    await tallies.AddAsync(ActivityTallies.RevisitDue(programme.InstallationId, day, settings.Escalation.DefaultTeam), cancellationToken).ConfigureAwait(false);
            }
        }

        return (produced, ended);
    }

    /// <returns>1 for the first revisit, …; 0 when none is due today.</returns>
    private int RevisitNumber(RevisitProgramme programme, LocalDate today)
    {
        var dates = RevisitSchedule.Dates(programme.DeliveredOn, programme.ContractEndsOn, revisits);
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] == today) return i + 1;
        }

        return 0;
    }

    /// <summary>The customer's check-in text, in the outbox under the installation (<c>revisit-{installation}</c>) instead of a ticket.</summary>
    private CustomerText? CheckInText(RevisitProgramme programme, LocalDate today, Instant now) => new CustomerTextComposer(texts).Compose(
        RevisitKeys.Text(programme.InstallationId, today), RevisitKeys.OutboxPartition(programme.InstallationId), TextKind.Revisit,
        new Customer(programme.CustomerId, programme.CustomerName, programme.Phone, programme.Email, programme.Locale, programme.TimeZone), null, now,
        new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.Installation] = programme.InstallationId });

    private RevisitCall Call(RevisitProgramme programme, int number, LocalDate today, Instant now)
    {
        var locale = texts.Templates.LocaleFor(programme.Locale);
        var body = programme.Phone is null
            ? null
            : TextRendering.Render(texts.Templates.For(TextKind.Revisit, locale), new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TextPlaceholders.CustomerName] = programme.CustomerName,
                [TextPlaceholders.Installation] = programme.InstallationId,
            }).Body;
        var sendAt = texts.QuietHours.NextAllowed(now, CustomerZones.Of(programme.TimeZone, texts.CustomerTimeZone), isP1: false);
        return new RevisitCall(today, programme.InstallationId, number, programme.CustomerId, programme.CustomerName, programme.Phone,
            programme.Email, locale, body, sendAt, now);
    }
}
