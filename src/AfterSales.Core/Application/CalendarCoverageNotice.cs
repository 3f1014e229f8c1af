using AfterSales.Core.Calendars;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Tells the admins, <c>CalendarCoverage__NoticeBefore</c> (60 days) ahead, that a calendar runs past its last covered
/// year: one outbox step per calendar and year (<c>calendar:Business/calendar-coverage/calendar-coverage/2027</c>), so
/// running it every few minutes sends it once. Run by the outbox recovery timer; a point read per calendar in the
/// notice period, nothing otherwise.
/// </summary>
public sealed class CalendarCoverageNotice(AfterSalesSettings settings, IOutbox outbox, INotificationQueue notifications, TimeProvider time)
{
    public const string ClockId = "calendar-coverage";

    /// <returns>The steps that were new.</returns>
    public async Task<IReadOnlyList<EscalationStep>> RunAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var added = new List<EscalationStep>();
        foreach (var status in CalendarCoverage.RunningOutWithin(settings.Calendars, now, settings.CalendarCoverage.NoticeBefore))
        {
            var step = StepFor(settings, status, now);
            if (await outbox.GetAsync(step.TicketId, step.Key, cancellationToken).ConfigureAwait(false) is not null) continue;
            if (await outbox.AddAsync([step], now, cancellationToken).ConfigureAwait(false) == 0) continue;
            await notifications.EnqueueAsync(NotificationMessage.For(step, now), cancellationToken).ConfigureAwait(false);
            added.Add(step);
        }

        if (added.Count > 0) await notifications.FlushAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>The outbox partition of a calendar's notices (they belong to no ticket).</summary>
    public static string SubjectOf(string calendar) => "calendar:" + calendar;

    /// <summary>To the configured role in the default team, or the duty manager when that role has no address.</summary>
    public static EscalationStep StepFor(AfterSalesSettings settings, CalendarCoverageStatus status, Instant now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(status);
        var years = status.Years ?? throw new ArgumentException($"Calendar {status.Calendar} states no covered years.", nameof(status));
        var firstUncovered = years.Last + 1;
        var team = settings.Escalation.DefaultTeam;
        var role = settings.CalendarCoverage.Role;
        var address = settings.Escalation.AddressFor(team, role);
        if (address is null) role = EscalationRoles.DutyManager;
        var subject = SubjectOf(status.Calendar);
        return new EscalationStep(
            EscalationStep.KeyFor(subject, ClockId, ClockId, firstUncovered), subject, firstUncovered, ClockId, LadderTrigger.Opened, null, ClockId,
            role, address ?? settings.Escalation.AddressFor(team, role), now, now, status.RunsOutAt, $"{status.Calendar}\n{years}");
    }
}
