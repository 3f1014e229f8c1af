using AfterSales.Core.Simulation;

namespace AfterSales.Cli;

/// <summary>A report written as the simulation runs: the rejected lines first, each timeline entry as it happens, the summary at the end.</summary>
public interface ISimulationWriter
{
    void Begin(IReadOnlyList<RejectedLine> rejected);

    void Entry(TimelineEntry entry);

    void End(IReadOnlyList<PolicySummary> summary);
}
