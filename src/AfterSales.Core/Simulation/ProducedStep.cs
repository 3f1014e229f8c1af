using AfterSales.Core.Sla;

namespace AfterSales.Core.Simulation;

/// <summary>
/// An escalation step a ticket produced, by the parts of its key (the clock and level are strings the settings and clocks
/// already hold): a finished ticket keeps these, not one key string per step.
/// </summary>
internal readonly record struct ProducedStep(string ClockId, string Level, int Cycle)
{
    public static ProducedStep Of(EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new ProducedStep(step.ClockId, step.Level, step.Cycle);
    }

    /// <summary>The step's <see cref="EscalationStep.Key"/>.</summary>
    public string KeyFor(string ticketId) => EscalationStep.KeyFor(ticketId, ClockId, Level, Cycle);
}
