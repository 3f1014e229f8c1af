using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Sla:WarningAt</c> and <c>Sla:Policies:&lt;Name&gt;</c>.</summary>
internal static class SlaSettingsReader
{
    private const string Precedence = "Precedence";
    private const string Priorities = "Priorities";
    private const string Categories = "Categories";
    private const string Calendar = "Calendar";

    /// <returns>The settings, and every priority an enabled policy names (also when the policy has other errors), for checking the ladder.</returns>
    public static (SlaSettings Settings, IReadOnlySet<string> KnownPriorities) Read(
        IConfigurationSection sla, IReadOnlySet<string> calendarNames, SettingsErrors errors)
    {
        var group = new SettingsGroup(sla, errors, "WarningAt", "Policies");
        var warningAt = group.Value<double>("WarningAt", ShareSetting.TryParse, required: true) ?? 0.75;
        var policies = new List<SlaPolicy>();
        var precedences = new List<(string Name, int Precedence, SettingsGroup Group)>();
        var priorities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in SettingsGroup.Entries(sla.GetSection("Policies"), errors))
        {
            if (!SettingsGroup.IsEnabled(entry, errors)) continue;
            var policy = new SettingsGroup(entry, errors,
                "Enabled", Precedence, Priorities, Categories, Calendar, "FirstResponse", "FirstResponseInWorkingHours", "Update", "Resolution", "PauseOnHold");
            var read = ReadPolicy(entry.Key, policy, calendarNames);
            if (read.Policy is not null) policies.Add(read.Policy);
            if (read.Precedence is { } precedence) precedences.Add((entry.Key, precedence, policy));
            priorities.UnionWith(read.Priorities);
        }

        foreach (var shared in precedences.GroupBy(p => p.Precedence).Where(g => g.Count() > 1))
        {
            foreach (var (name, precedence, policy) in shared)
            {
                var others = string.Join(", ", shared.Select(p => p.Name).Where(n => n != name));
                policy.Error(Precedence, $"'{precedence}' is also the precedence of {others}: each policy needs its own");
            }
        }

        return (new SlaSettings(warningAt, policies.OrderBy(p => p.Precedence).ToList()), priorities);
    }

    private static (SlaPolicy? Policy, int? Precedence, IReadOnlySet<string> Priorities) ReadPolicy(
        string name, SettingsGroup group, IReadOnlySet<string> calendarNames)
    {
        var precedence = group.Value<int>(Precedence, IntegerSetting.TryParse, required: true);
        var priorityList = group.List(Priorities);
        var priorities = (priorityList ?? []).ToHashSet(StringComparer.Ordinal);
        var categories = ReadCategories(group);
        if (priorityList is not null && categories is not null && priorities.Count == 0 && categories.Count == 0)
        {
            group.Error(Priorities, "the policy matches no ticket: set Priorities, Categories, or both");
        }

        var calendar = ReadCalendarName(group, calendarNames);
        var firstResponse = group.Value<SlaTarget>("FirstResponse", SlaTargetSetting.TryParse, required: true);
        var inWorkingHours = group.Value<SlaTarget>("FirstResponseInWorkingHours", SlaTargetSetting.TryParse);
        var update = group.Value<SlaTarget>("Update", SlaTargetSetting.TryParse);
        var resolution = group.Value<SlaTarget>("Resolution", SlaTargetSetting.TryParse, required: true);
        var pauseOnHold = group.Value<bool>("PauseOnHold", BooleanSetting.TryParse) ?? false;

        var policy = precedence is { } p && priorityList is not null && categories is not null && calendar is not null
            && firstResponse is { } fr && resolution is { } res
                ? new SlaPolicy(name, p, priorities, categories, calendar, fr, inWorkingHours, update, res, pauseOnHold)
                : null;
        return (policy, precedence, priorities);
    }

    private static HashSet<TicketCategory>? ReadCategories(SettingsGroup group)
    {
        var names = group.List(Categories);
        if (names is null) return null;
        var categories = new HashSet<TicketCategory>();
        var valid = true;
        foreach (var name in names)
        {
            if (EnumSetting.TryParse<TicketCategory>(name, "category", lowerCaseNames: true, out var category, out var error))
            {
                categories.Add(category);
            }
            else
            {
                group.Error(Categories, error);
                valid = false;
            }
        }

        return valid ? categories : null;
    }

    private static string? ReadCalendarName(SettingsGroup group, IReadOnlySet<string> calendarNames)
    {
        var name = group.Text(Calendar, required: true);
        if (name is null) return null;
        var known = calendarNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            group.Error(Calendar, $"'{name}' is not a calendar (known: {string.Join(", ", calendarNames.Order(StringComparer.Ordinal))})");
        }

        return known;
    }
}
