namespace AfterSales.Core.Settings;

/// <summary>The app settings AfterSales owns: its sections (any key under them must be a known setting) and the host's top-level keys.</summary>
public static class SettingsSections
{
    public static readonly IReadOnlyList<string> Sections =
        ["Calendars", "Sla", "Escalation", "Events", "Email", "Sweep", "Texts", "Revisits", "Reports", "Sms", "Storage", "Retention", "MajorIncident", "ThreeStrikes", "CalendarCoverage"];

    /// <summary>Whether <paramref name="key"/> (colon or <c>__</c> form) is an AfterSales setting rather than one of the platform's.</summary>
    public static bool Owns(string key)
    {
        var first = key.Replace("__", ":", StringComparison.Ordinal).Split(':')[0];
        return Sections.Contains(first, StringComparer.OrdinalIgnoreCase) || HostSettings.Keys.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
