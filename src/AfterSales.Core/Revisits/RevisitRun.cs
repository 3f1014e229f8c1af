using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
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
/// before it is sent. A customer who opted out ends the programme.
/// </summary>
public sealed class RevisitRun(
    IRevisitProgrammes programmes,
    IRevisitCalls calls,
    IOptOuts optOuts,
    IEmailSender email,
    IOutbox outbox,
    AfterSalesSettings settings,
    TextSettings texts,
    RevisitSettings revisits)
{
    public const string OptedOut = "opted-out";

    /// <summary>After this many failed sends the day's email is given up (its failures are recorded).</summary>
    public const int MaxCallListAttempts = 5;

    public async Task<RevisitRunReport> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        var local = now.InZone(texts.CustomerTimeZone).LocalDateTime;
        var today = local.Date;
        if (local.TimeOfDay < revisits.SendAt) return new RevisitRunReport(today, true, 0, 0, false, null);
        var state = await calls.CallListAsync(today, cancellationToken).ConfigureAwait(false);
        // Sending: another run has it, or crashed while sending; it may have gone out, so it is not sent again.
        if (state is { Status: CallListStatus.Sent or CallListStatus.Sending or CallListStatus.NoCalls } || state is { Attempts: >= MaxCallListAttempts })
            return new RevisitRunReport(today, true, 0, 0, false, null);

        var (produced, ended) = await ProduceAsync(today, now, cancellationToken).ConfigureAwait(false);
        var dayCalls = await calls.ForDayAsync(today, cancellationToken).ConfigureAwait(false);
        if (dayCalls.Count == 0)
        {
            await calls.RecordNoCallsAsync(today, now, cancellationToken).ConfigureAwait(false);
            return new RevisitRunReport(today, false, produced, ended, false, null);
        }

        if (!await calls.TryClaimCallListAsync(today, now, cancellationToken).ConfigureAwait(false))
            return new RevisitRunReport(today, false, produced, ended, false, null);

        var to = settings.Escalation.AddressFor(settings.Escalation.DefaultTeam, EscalationRoles.RevisitTeam)
            ?? throw new InvalidOperationException($"The default team has no {EscalationRoles.RevisitTeam} address.");
        var message = RevisitCallListEmail.Compose(today, dayCalls, to, settings.Email.Locale);
        var result = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await calls.FinishCallListAsync(today, result, now, cancellationToken).ConfigureAwait(false);
        return new RevisitRunReport(today, false, produced, ended, result.Sent, result.Error);
    }

    private async Task<(int Produced, int Ended)> ProduceAsync(LocalDate today, Instant now, CancellationToken cancellationToken)
    {
        var (produced, ended) = (0, 0);
        await foreach (var programme in programmes.ActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            var number = RevisitNumber(programme, today);
            if (number == 0) continue;
            if (programme.Phone is { } phone && await optOuts.IsOptedOutAsync(phone, cancellationToken).ConfigureAwait(false))
            {
                await programmes.EndAsync(programme.InstallationId, OptedOut, cancellationToken).ConfigureAwait(false);
                ended++;
                continue;
            }

            // The text's outbox row first (adding it again adds nothing): a crash before the call row loses no text.
            if (CheckInText(programme, today, now) is { } text) await outbox.AddTextsAsync([text], now, cancellationToken).ConfigureAwait(false);
            if (await calls.TryAddAsync(Call(programme, number, today, now), cancellationToken).ConfigureAwait(false)) produced++;
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
