using AfterSales.Core.Events;

namespace AfterSales.Core.Sla;

/// <summary>
/// The promises made for one kind of ticket. A ticket gets the policy with the lowest
/// <see cref="Precedence"/> that lists its priority or its category.
/// </summary>
/// <param name="FirstResponseInWorkingHours">A shorter first-response target for tickets received in working hours (P4: 6 business hours).</param>
/// <param name="Update">Progress update every …; null when the policy promises none.</param>
/// <param name="PauseOnHold">Also pause the clocks while the ticket is on hold (they always pause while waiting for the customer).</param>
public sealed record SlaPolicy(
    string Name,
    int Precedence,
    IReadOnlySet<string> Priorities,
    IReadOnlySet<TicketCategory> Categories,
    string Calendar,
    SlaTarget FirstResponse,
    SlaTarget? FirstResponseInWorkingHours,
    SlaTarget? Update,
    SlaTarget Resolution,
    bool PauseOnHold)
{
    public bool Matches(string priority, TicketCategory category) =>
        Priorities.Contains(priority) || Categories.Contains(category);
}
