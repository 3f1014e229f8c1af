using AfterSales.Core.Events;

namespace AfterSales.Core.Sla;

/// <summary>Chooses a ticket's policy: the lowest precedence that lists its priority or its category.</summary>
public sealed class PolicySelector(IReadOnlyList<SlaPolicy> policies)
{
    private readonly IReadOnlyList<SlaPolicy> ordered = [.. policies.OrderBy(p => p.Precedence)];

    public SlaPolicy? Select(string priority, TicketCategory category) =>
        ordered.FirstOrDefault(p => p.Matches(priority, category));
}
