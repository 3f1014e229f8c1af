using AfterSales.Core.Events;
using AfterSales.Core.Settings;

namespace AfterSales.Core.Sla;

/// <summary>Resolves a ladder role to an address: the ticket's owner, else the team's entry, else the default team's.</summary>
public sealed class RecipientDirectory(EscalationSettings settings)
{
    public string? Resolve(string role, string team, Person? owner)
    {
        if (role == EscalationRoles.Owner && !string.IsNullOrEmpty(owner?.Email)) return owner.Email;
        return Lookup(team, role) ?? Lookup(settings.DefaultTeam, role);
    }

    private string? Lookup(string team, string role) =>
        settings.Teams.TryGetValue(team, out var roles) && roles.TryGetValue(role, out var address) ? address : null;
}
