using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Tells the duty manager of the ticket's team that a customer text could not go out for a reason on our side (the
/// provider filtered its content, or the account may not text that country): emailing each customer instead would
/// hide a problem that every customer there has. The alert is an outbox step keyed by ticket and error code, so a
/// problem reported twice (the send call, then a status callback; or a redelivered callback) alerts once. The step is
/// only put in the outbox, where the drain (<see cref="OutboxDrain"/>, every few minutes) sends it: the senders that
/// find the problem run outside any invocation's notification batch.
/// </summary>
public sealed class TextProblemAlerts(ITicketStore tickets, IOutbox outbox, AfterSalesSettings settings)
{
    /// <summary>The clock id of these alert steps (<c>ticket/text-problem/error code/1</c>).</summary>
    public const string ClockId = "text-problem";

    /// <returns>The alert step's key.</returns>
    public async Task<string> RaiseAsync(CustomerText text, string errorCode, string reason, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stored = await tickets.GetAsync(text.TicketId, cancellationToken).ConfigureAwait(false);
        var team = stored is null ? settings.Escalation.DefaultTeam : new TicketFacts(stored.Ticket.History, now).Opened?.Team ?? settings.Escalation.DefaultTeam;
        var level = string.IsNullOrEmpty(errorCode) ? "provider" : errorCode;
        var step = new EscalationStep(
            EscalationStep.KeyFor(text.TicketId, ClockId, level, 1), text.TicketId, 1, level, LadderTrigger.Opened, null, ClockId,
            EscalationRoles.DutyManager, settings.Escalation.AddressFor(team, EscalationRoles.DutyManager), now, now, null,
            TextProblemAlertEmail.Expectation(text, reason));
        await outbox.AddAsync([step], now, cancellationToken).ConfigureAwait(false);
        return step.Key;
    }
}
