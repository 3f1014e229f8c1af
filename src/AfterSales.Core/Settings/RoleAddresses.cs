using AfterSales.Core.Sla;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>
/// Every role the ladder sends to must have an address in the default team (which fills in for every other team),
/// so that a missing address stops start-up instead of silently skipping an escalation at 3 a.m. The owner role
/// goes to the ticket owner's own email; the team's <c>Owner</c> address is the fallback for owners without one.
/// The duty manager also receives the failure summary, so it is always required.
/// </summary>
internal static class RoleAddresses
{
    public static void Check(
        EscalationSettings escalation, IConfigurationSection escalationSection, SettingsErrors errors, IEnumerable<(string Role, string UsedBy)> ruleRoles)
    {
        var teams = escalationSection.GetSection("Teams");
        // Levels are known by their step names; the admin knows them by their setting names.
        var settingNames = escalationSection.GetSection("Ladder").GetChildren()
            .Select(l => EscalationSettingsReader.ShippedSpelling(l.Key))
            .GroupBy(LadderLevelName.StepName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string SettingNameOf(string stepName) => settingNames.GetValueOrDefault(stepName, stepName);

        if (string.IsNullOrEmpty(escalation.DefaultTeam)) return;
        var users = escalation.Ladder.GroupBy(l => l.Role, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Name).ToList(), StringComparer.OrdinalIgnoreCase);
        if (!users.ContainsKey(EscalationRoles.DutyManager)) users[EscalationRoles.DutyManager] = [];
        var ruleUsers = ruleRoles.GroupBy(r => r.Role, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => r.UsedBy).Distinct()), StringComparer.OrdinalIgnoreCase);
        foreach (var role in ruleUsers.Keys) users.TryAdd(role, []);

        foreach (var (role, levels) in users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            if (escalation.AddressFor(escalation.DefaultTeam, role) is not null) continue;
            var setting = teams.GetSection(escalation.DefaultTeam).GetSection(role);
            if (!string.IsNullOrWhiteSpace(setting.Value)) continue; // set but not an address: reported where it was read

            var usedBy = levels.Count > 0 ? $"ladder level {string.Join(", ", levels.Select(SettingNameOf))}"
                : ruleUsers.TryGetValue(role, out var rule) ? rule
                : "the email failure summary";
            var fallback = role == EscalationRoles.Owner ? " (for tickets whose owner has no email)" : "";
            errors.Add(setting,
                $"is required: {usedBy} sends to {role}, and the default team has no address for it{fallback}");
        }
    }

    /// <summary>The host sends the daily revisit call list to the default team's revisit team.</summary>
    public static void CheckRevisitTeam(IConfigurationSection escalationSection, SettingsErrors errors)
    {
        var defaultTeam = escalationSection["DefaultTeam"]?.Trim();
        if (string.IsNullOrEmpty(defaultTeam)) return; // reported as required where the section is read
        var setting = escalationSection.GetSection("Teams").GetSection(defaultTeam).GetSection(EscalationRoles.RevisitTeam);
        if (string.IsNullOrWhiteSpace(setting.Value)) errors.Add(setting, "is required: the daily revisit call list is sent to it");
    }
}
