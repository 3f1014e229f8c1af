using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Tickets;

/// <summary>
/// What a ticket's history says at an instant, replayed in time order: who owns it, its priority, cycles,
/// pauses and replies. Events stamped after that instant (a helpdesk clock running slightly ahead) count
/// from their own time on.
/// </summary>
public sealed class TicketFacts
{
    private readonly List<(Instant At, TicketStatus Status)> statusTimeline = [];

    public TicketFacts(TicketHistory history, Instant asOf)
    {
        TicketId = history.TicketId;
        var cycles = new List<TicketCycle>();
        foreach (var e in history.Events)
        {
            if (e.OccurredAt > asOf) break;
            switch (e)
            {
                case TicketOpened opened when Opened is null:
                    Opened = opened;
                    Owner = opened.Owner;
                    Priority = opened.Priority;
                    cycles.Add(new TicketCycle(1, opened.OccurredAt, null));
                    statusTimeline.Add((opened.OccurredAt, TicketStatus.Open));
                    break;
                case TicketAssigned assigned:
                    Owner = assigned.Owner;
                    break;
                case PriorityChanged changed:
                    Priority = changed.Priority;
                    break;
                case AgentResponded responded:
                    Responses.Add(responded);
                    break;
                case CommitmentMade commitment:
                    Commitments.Add(commitment);
                    break;
                case FaultReportFiled report:
                    FaultReports.Add(report);
                    break;
                case StatusChanged status:
                    statusTimeline.Add((status.OccurredAt, status.Status));
                    break;
                case CustomerReplied replied when CurrentStatus == TicketStatus.WaitingForCustomer:
                    // The customer answered: the ticket no longer waits for them.
                    statusTimeline.Add((replied.OccurredAt, TicketStatus.Open));
                    break;
                case TicketResolved or TicketClosed when cycles.Count > 0:
                    if (cycles[^1].End is null) cycles[^1] = cycles[^1] with { End = e.OccurredAt, EndedBy = e.Type };
                    if (e is TicketClosed) IsClosed = true;
                    break;
                case TicketReopened reopened when cycles.Count > 0 && cycles[^1].End is not null:
                    cycles.Add(new TicketCycle(cycles.Count + 1, reopened.OccurredAt, null));
                    statusTimeline.Add((reopened.OccurredAt, TicketStatus.Open));
                    IsClosed = false;
                    break;
            }
        }
        Cycles = cycles;
    }

    public string TicketId { get; }
    public TicketOpened? Opened { get; }
    public Person? Owner { get; }
    public string? Priority { get; }
    public IReadOnlyList<TicketCycle> Cycles { get; }
    public TicketCycle? CurrentCycle => Cycles.Count == 0 ? null : Cycles[^1];
    public List<AgentResponded> Responses { get; } = [];
    public List<CommitmentMade> Commitments { get; } = [];

    /// <summary>Fault analysis reports filed for the ticket's major incident, in time order.</summary>
    public List<FaultReportFiled> FaultReports { get; } = [];
    public bool IsClosed { get; }
    public bool IsResolved => CurrentCycle?.End is not null;
    public TicketStatus CurrentStatus => statusTimeline.Count == 0 ? TicketStatus.Open : statusTimeline[^1].Status;

    /// <summary>Intervals during which the clocks stand still: waiting for the customer, and on hold when the policy says so.</summary>
    public IReadOnlyList<PauseInterval> Pauses(bool pauseOnHold)
    {
        bool Pausing(TicketStatus s) => s == TicketStatus.WaitingForCustomer || (pauseOnHold && s == TicketStatus.OnHold);

        var pauses = new List<PauseInterval>();
        Instant? pausedSince = null;
        foreach (var (at, status) in statusTimeline)
        {
            if (Pausing(status) && pausedSince is null) pausedSince = at;
            else if (!Pausing(status) && pausedSince is { } since)
            {
                pauses.Add(new PauseInterval(since, at));
                pausedSince = null;
            }
        }
        if (pausedSince is { } open) pauses.Add(new PauseInterval(open, null));
        return pauses;
    }

    /// <summary>Whether someone on our side answered the customer (a reply or a commitment) after <paramref name="after"/> and by <paramref name="until"/>.</summary>
    public bool AnsweredWithin(Instant after, Instant until)
    {
        foreach (var response in Responses)
            if (response.OccurredAt > after && response.OccurredAt <= until) return true;
        foreach (var commitment in Commitments)
            if (commitment.OccurredAt > after && commitment.OccurredAt <= until) return true;
        return false;
    }
}
