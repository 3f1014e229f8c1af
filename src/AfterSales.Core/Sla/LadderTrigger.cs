namespace AfterSales.Core.Sla;

/// <summary>What starts the delay of an escalation ladder level.</summary>
public enum LadderTrigger
{
    /// <summary>The ticket (or a new cycle after reopening) opened.</summary>
    Opened,
    /// <summary>A clock reached the warning share of its target (default 75%).</summary>
    Warning,
    /// <summary>A clock reached its target without being stopped.</summary>
    Breach,
    /// <summary>Calendar time since the cycle opened, while unresolved (e.g. 7 days, 15 days).</summary>
    Unresolved,
}
