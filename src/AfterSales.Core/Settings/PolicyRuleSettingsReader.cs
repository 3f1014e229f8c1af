using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads the sections of the policy rules beside the ladder: <c>MajorIncident</c>, <c>ThreeStrikes</c> and <c>CalendarCoverage</c>.</summary>
internal static class PolicyRuleSettingsReader
{
    public static MajorIncidentSettings ReadMajorIncident(
        IConfigurationSection section, IReadOnlySet<string> knownPriorities, IReadOnlySet<string> calendarNames, SettingsErrors errors)
    {
        var group = new SettingsGroup(section, errors, "Priorities", "Chain", "FaultReportDue", "FaultReportCalendar");
        var fallback = MajorIncidentSettings.Default;
        var priorities = group.List("Priorities") ?? [];
        foreach (var unknown in priorities.Where(p => !knownPriorities.Contains(p)))
        {
            group.Error("Priorities", $"'{unknown}' is not a known priority (known: {string.Join(", ", knownPriorities.Order(StringComparer.Ordinal))})");
        }

        var chain = Roles(group, "Chain") ?? fallback.Chain;
        if (priorities.Count > 0 && chain.Count == 0) group.Error("Chain", "is empty: name the roles a major incident is reported to, such as DutyManager,DepartmentHead,Manager (or leave Priorities empty to turn the rule off)");
        var due = group.Value<SlaTarget>("FaultReportDue", SlaTargetSetting.TryParse, required: true) ?? fallback.FaultReportDue;
        var calendar = group.Text("FaultReportCalendar", required: true) ?? fallback.FaultReportCalendar;
        var known = calendarNames.FirstOrDefault(n => string.Equals(n, calendar, StringComparison.OrdinalIgnoreCase));
        if (known is null) group.Error("FaultReportCalendar", $"'{calendar}' is not a calendar (known: {string.Join(", ", calendarNames.Order(StringComparer.Ordinal))})");
        return new MajorIncidentSettings(priorities.ToHashSet(StringComparer.Ordinal), chain, due, known ?? calendar);
    }

    public static ThreeStrikesSettings ReadThreeStrikes(IConfigurationSection section, SettingsErrors errors)
    {
        var group = new SettingsGroup(section, errors, "Count", "Window", "Categories", "Role");
        var fallback = ThreeStrikesSettings.Default;
        var count = group.Value<int>("Count", IntegerSetting.TryParse, required: true) ?? fallback.Count;
        if (count is 1 or < 0 or > 100) group.Error("Count", $"'{count}' is out of range: use 2 to 100 tickets (0 turns the rule off)");
        var window = group.Value<Duration>("Window", DurationSetting.TryParse, required: true) ?? fallback.Window;
        if (window <= Duration.Zero) group.Error("Window", "must be longer than zero");
        var categories = new HashSet<TicketCategory>();
        foreach (var name in group.List("Categories") ?? [])
        {
            if (EnumSetting.TryParse<TicketCategory>(name, "category", lowerCaseNames: true, out var category, out var error)) categories.Add(category);
            else group.Error("Categories", error);
        }

        var role = Roles(group, "Role") is [var one] ? one : null;
        if (role is null) group.Error("Role", "must be one role, such as Manager");
        return new ThreeStrikesSettings(count, window > Duration.Zero ? window : fallback.Window, categories, role ?? fallback.Role);
    }

    public static CalendarCoverageSettings ReadCalendarCoverage(IConfigurationSection section, SettingsErrors errors)
    {
        var group = new SettingsGroup(section, errors, "NoticeBefore", "Role");
        var fallback = CalendarCoverageSettings.Default;
        var notice = group.Value<Duration>("NoticeBefore", DurationSetting.TryParse, required: true) ?? fallback.NoticeBefore;
        if (notice <= Duration.Zero) group.Error("NoticeBefore", "must be longer than zero");
        var role = Roles(group, "Role") is [var one] ? one : null;
        if (role is null) group.Error("Role", "must be one role, such as Admin");
        return new CalendarCoverageSettings(notice > Duration.Zero ? notice : fallback.NoticeBefore, role ?? fallback.Role);
    }

    /// <summary>A comma-separated list of role names, each usable in an app setting name (<c>Escalation__Teams__Default__&lt;Role&gt;</c>).</summary>
    private static IReadOnlyList<string>? Roles(SettingsGroup group, string name)
    {
        var roles = group.List(name);
        if (roles is null) return null;
        var invalid = roles.Where(r => !AppSettingName.IsValidSegment(r)).ToList();
        foreach (var role in invalid) group.Error(name, AppSettingName.WhyInvalid(role, "role name", "DepartmentHead"));
        return invalid.Count == 0 ? roles : null;
    }
}
