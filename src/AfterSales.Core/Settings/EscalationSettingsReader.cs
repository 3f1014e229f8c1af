using System.Diagnostics.CodeAnalysis;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Escalation:DefaultTeam</c>, <c>Escalation:Teams:&lt;Team&gt;:&lt;Role&gt;</c> and <c>Escalation:Ladder:&lt;Name&gt;</c>.</summary>
internal static class EscalationSettingsReader
{
    private const string Clocks = "Clocks";
    private const string Priorities = "Priorities";

    private static readonly string[] ShippedLevels = SettingsDefaults.Values.Keys
        .Where(k => k.StartsWith("Escalation:Ladder:", StringComparison.Ordinal))
        .Select(k => k.Split(':')[2])
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    public static EscalationSettings Read(IConfigurationSection escalation, IReadOnlySet<string> knownPriorities, SettingsErrors errors)
    {
        var group = new SettingsGroup(escalation, errors, "DefaultTeam", "Teams", "Ladder");
        var defaultTeam = group.Text("DefaultTeam", required: true) ?? "";
        var teams = ReadTeams(escalation.GetSection("Teams"), errors);
        var ladder = new List<LadderLevel>();
        foreach (var entry in SettingsGroup.Entries(escalation.GetSection("Ladder"), errors))
        {
            if (!AppSettingName.IsValidSegment(entry.Key))
            {
                errors.Add(entry, AppSettingName.WhyInvalid(entry.Key, "ladder level name", LadderLevelName.Suggest(entry.Key)));
                continue;
            }

            if (!SettingsGroup.IsEnabled(entry, errors)) continue;
            var settingName = ShippedSpelling(entry.Key);
            var stepName = LadderLevelName.StepName(settingName);
            var level = new SettingsGroup(entry, errors,
                "Enabled", "Trigger", Clocks, "After", "Role", Priorities, "UnlessAnswered", "Expectation");
            if (ReadLevel(stepName, level, knownPriorities) is { } read) ladder.Add(read);
        }

        var ordered = ladder.OrderBy(l => l.Trigger).ThenBy(l => l.After).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new EscalationSettings(ordered, teams, defaultTeam);
    }

    /// <summary>Configuration keys ignore case, and the spelling an admin used may reach us: a shipped level keeps its step name.</summary>
    public static string ShippedSpelling(string name) =>
        ShippedLevels.FirstOrDefault(l => l.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ReadTeams(IConfigurationSection teams, SettingsErrors errors)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in SettingsGroup.Entries(teams, errors))
        {
            var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var role in SettingsGroup.Entries(team, errors))
            {
                foreach (var child in role.GetChildren())
                {
                    errors.AddUnknown(child, $"none, {role.Key} is one email address");
                }

                if (string.IsNullOrWhiteSpace(role.Value)) continue;
                if (EmailSetting.TryParse(role.Value, out var address, out var error)) roles[role.Key] = address;
                else errors.Add(role, error);
            }

            result[team.Key] = roles;
        }

        return result;
    }

    private static LadderLevel? ReadLevel(string name, SettingsGroup group, IReadOnlySet<string> knownPriorities)
    {
        var trigger = group.Value<LadderTrigger>("Trigger", TryParseTrigger, required: true);
        var clocks = ReadClocks(group);
        if (trigger is LadderTrigger.Opened or LadderTrigger.Unresolved && clocks is { Count: > 0 })
        {
            group.Error(Clocks, $"a level triggered by {trigger} watches no clock: leave Clocks empty");
        }

        var after = group.Value<Duration>("After", DurationSetting.TryParse) ?? Duration.Zero;
        var role = group.Text("Role", required: true);
        var priorities = ReadPriorities(group, knownPriorities);
        var unlessAnswered = group.Value<bool>("UnlessAnswered", BooleanSetting.TryParse) ?? false;
        var expectation = group.Text("Expectation") ?? "";

        return trigger is { } t && clocks is not null && role is not null && priorities is not null
            ? new LadderLevel(name, t, clocks, after, role, priorities, unlessAnswered, expectation)
            : null;
    }

    private static bool TryParseTrigger(string text, out LadderTrigger value, [NotNullWhen(false)] out string? error) =>
        EnumSetting.TryParse(text, "trigger", lowerCaseNames: false, out value, out error);

    private static HashSet<ClockKind>? ReadClocks(SettingsGroup group)
    {
        var names = group.List(Clocks);
        if (names is null) return null;
        var clocks = new HashSet<ClockKind>();
        var valid = true;
        foreach (var name in names)
        {
            if (EnumSetting.TryParse<ClockKind>(name, "clock", lowerCaseNames: false, out var clock, out var error) && clock == ClockKind.FaultReport)
            {
                group.Error(Clocks, $"'{name}' is not watched by the ladder: the fault analysis report reminds the owner and tells the manager by itself (MajorIncident__FaultReportDue)");
                valid = false;
            }
            else if (error is null)
            {
                clocks.Add(clock);
            }
            else
            {
                group.Error(Clocks, error);
                valid = false;
            }
        }

        return valid ? clocks : null;
    }

    private static HashSet<string>? ReadPriorities(SettingsGroup group, IReadOnlySet<string> knownPriorities)
    {
        var names = group.List(Priorities);
        if (names is null) return null;
        var unknown = names.Where(n => !knownPriorities.Contains(n)).ToList();
        if (unknown.Count == 0) return names.ToHashSet(StringComparer.Ordinal);
        foreach (var name in unknown)
        {
            group.Error(Priorities, $"'{name}' is not a known priority (known: {string.Join(", ", knownPriorities.Order(StringComparer.Ordinal))}; a priority is known when a policy lists it)");
        }

        return null;
    }
}
