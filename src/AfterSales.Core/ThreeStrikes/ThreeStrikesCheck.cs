using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Notifications;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>
/// Runs when a <c>TicketOpened</c> is applied (and again when it is delivered twice): records the ticket under its
/// customer's key, and for each new strike (<see cref="StrikeRule"/>) puts one email to the manager in the outbox,
/// keyed <c>ticket/three-strikes/three-strikes/1</c>, listing the tickets counted. The outbox row goes in before the flag
/// is recorded, so a crash in between finds the same flag again and the row's key keeps it to one email.
/// </summary>
/// <param name="customerKey">The customer's key from the helpdesk's customer id: the keyed hash in deployed stores
/// (<c>ContactKeys.Customer</c>); <see cref="CustomerKeys.For"/> when null (in memory).</param>
public sealed class ThreeStrikesCheck(
    ICustomerTickets customers, IOutbox outbox, INotificationQueue notifications, AfterSalesSettings settings, TimeProvider time,
    Func<string, string>? customerKey = null)
{
    public const string ClockId = "three-strikes";
    public const string Level = "three-strikes";

    /// <returns>The flag steps this call put in the outbox (empty when the ticket made no new strike).</returns>
    public async Task<IReadOnlyList<EscalationStep>> CheckAsync(TicketOpened opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var rule = settings.ThreeStrikes;
        if (!rule.IsOn || !rule.Counts(opened.Category)) return [];
        var key = (customerKey ?? CustomerKeys.For)(opened.Customer.Id);
        await customers.RecordAsync(key, new CustomerTicket(opened.TicketId, opened.OccurredAt, opened.Category, opened.Team, opened.Summary), cancellationToken)
            .ConfigureAwait(false);
        var (tickets, flags) = await customers.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var steps = new List<EscalationStep>();
        foreach (var flag in StrikeRule.NewFlags(tickets, flags, rule))
        {
            var step = StepFor(settings, flag, tickets, opened.Customer.Name, now);
            await outbox.AddAsync([step], now, cancellationToken).ConfigureAwait(false);
            await notifications.EnqueueAsync(NotificationMessage.For(step, now), cancellationToken).ConfigureAwait(false);
            await customers.RecordFlagAsync(key, flag, cancellationToken).ConfigureAwait(false);
            steps.Add(step);
        }

        if (steps.Count > 0) await notifications.FlushAsync(cancellationToken).ConfigureAwait(false);
        return steps;
    }

    /// <summary>The flag's email step: to the rule's role in the strike ticket's team, due now (or at the strike, if later).</summary>
    public static EscalationStep StepFor(
        AfterSalesSettings settings, StrikeFlag flag, IReadOnlyCollection<CustomerTicket> tickets, string customerName, Instant now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(flag);
        var byId = tickets.ToDictionary(t => t.TicketId, StringComparer.Ordinal);
        var listed = flag.Counted.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var team = byId.TryGetValue(flag.TicketId, out var strike) ? strike.Team : settings.Escalation.DefaultTeam;
        var role = settings.ThreeStrikes.Role;
        return new EscalationStep(
            EscalationStep.KeyFor(flag.TicketId, ClockId, Level, 1), flag.TicketId, 1, Level, LadderTrigger.Opened, null, ClockId, role,
            settings.Escalation.AddressFor(team, role), flag.At, Instant.Max(now, flag.At), null,
            StrikeListing.Write(customerName, settings.ThreeStrikes.Window, listed));
    }
}
