using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>A customer with <see cref="Count"/> tickets within <see cref="Window"/> is flagged to <see cref="Role"/>, once per window.</summary>
/// <param name="Count">Tickets that make a strike (at least 2); 0 turns the rule off.</param>
/// <param name="Categories">Only tickets of these categories count; empty means all.</param>
public sealed record ThreeStrikesSettings(int Count, Duration Window, IReadOnlySet<TicketCategory> Categories, string Role)
{
    public static ThreeStrikesSettings Default { get; } =
        new(3, Duration.FromDays(90), new HashSet<TicketCategory>(), Sla.EscalationRoles.Manager);

    public bool IsOn => Count > 0;

    public bool Counts(TicketCategory category) => Categories.Count == 0 || Categories.Contains(category);
}
