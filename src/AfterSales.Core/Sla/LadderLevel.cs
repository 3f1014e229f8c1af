using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// One level of the escalation ladder. Its <see cref="Name"/> is part of every step key, so a level is
/// sent once per ticket, clock and cycle.
/// </summary>
/// <param name="Clocks">Clocks this level watches (Warning/Breach triggers); empty means all.</param>
/// <param name="After">Delay after the trigger, in calendar time (e.g. 7 days unresolved, 24 h unanswered).</param>
/// <param name="Priorities">Only tickets of these priorities; empty means all.</param>
/// <param name="UnlessAnswered">Skip the level when an agent replied to the customer (or made a commitment) between the trigger and the level's time.</param>
/// <param name="Expectation">What the recipient is expected to do, shown in the escalation.</param>
public sealed record LadderLevel(
    string Name,
    LadderTrigger Trigger,
    IReadOnlySet<ClockKind> Clocks,
    Duration After,
    string Role,
    IReadOnlySet<string> Priorities,
    bool UnlessAnswered,
    string Expectation)
{
    public bool Watches(ClockKind clock) => Clocks.Count == 0 || Clocks.Contains(clock);

    public bool AppliesTo(string priority) => Priorities.Count == 0 || Priorities.Contains(priority);
}
