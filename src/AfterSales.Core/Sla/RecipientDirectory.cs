using AfterSales.Core.Events;
using AfterSales.Core.Settings;

namespace AfterSales.Core.Sla;

/// <summary>Resolves a ladder role to an address: the ticket's owner personally, else the team's (or default team's) entry.</summary>
public sealed class RecipientDirectory(EscalationSettings settings)
{
    public string? Resolve(string role, string team, Person? owner) =>
        role == EscalationRoles.Owner && !string.IsNullOrEmpty(owner?.Email) ? owner.Email : settings.AddressFor(team, role);
}
