namespace AfterSales.Core.Sla;

/// <summary>The kinds of SLA clock a ticket runs.</summary>
public enum ClockKind
{
    FirstResponse,
    /// <summary>Recurring: each reply to the customer starts a new update period.</summary>
    Update,
    Resolution,
    /// <summary>One-off: a promise made to the customer (<c>CommitmentMade</c>).</summary>
    Commitment,
    /// <summary>After a major incident is resolved: the fault analysis report is due (stopped by <c>FaultReportFiled</c>).</summary>
    FaultReport,
}
