using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// Adds a step sent to the running totals of its ticket's team (the default team when the step's ticket is not
/// stored, as for a step about a customer rather than a ticket), on the local day it was sent.
/// </summary>
public sealed class StepTallies(ITallies tallies, ITicketStore tickets, AfterSalesSettings settings, ReportSettings reports)
{
    public async Task CountSentAsync(EscalationStep step, Instant sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var ticket = await tickets.GetAsync(step.TicketId, cancellationToken).ConfigureAwait(false);
        var team = ticket is null ? null : new TicketFacts(ticket.Ticket.History, sentAt).Opened?.Team;
        await tallies.AddAsync(ActivityTallies.StepSent(step, team ?? settings.Escalation.DefaultTeam, sentAt, reports.Zone), cancellationToken)
            .ConfigureAwait(false);
    }
}
