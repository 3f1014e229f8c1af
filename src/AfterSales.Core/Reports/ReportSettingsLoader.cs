using System.Diagnostics.CodeAnalysis;
using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Reports;

/// <summary>Reads and validates the <c>Reports</c> section; defaults are in <see cref="SettingsDefaults.Values"/>.</summary>
public static class ReportSettingsLoader
{
    public static readonly IReadOnlyList<string> Known = ["Calendar", "DigestDay", "DigestAt", "MonthlyDay", "MonthlyAt", "TeamRole", "ManagerRoles"];

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <param name="calendars">The valid calendars: <c>Reports__Calendar</c> names one of them, whose zone the reports keep.</param>
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static ReportSettings Load(IConfiguration configuration, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var errors = new SettingsErrors();
        var group = new SettingsGroup(configuration.GetSection("Reports"), errors, [.. Known]);
        var calendarName = group.Text("Calendar", required: true);
        DateTimeZone? zone = null;
        if (calendarName is not null)
        {
            if (calendars.TryGetValue(calendarName, out var calendar)) zone = calendar.Zone;
            // A calendar that is configured but wrong is reported under its own keys (and start-up fails on them).
            else if (configuration.GetSection("Calendars").GetSection(calendarName).Exists()) zone = DateTimeZone.Utc;
            else group.Error("Calendar", $"'{calendarName}' is not a calendar (known: {string.Join(", ", calendars.Keys.Order(StringComparer.Ordinal))})");
        }

        var day = group.Value<IsoDayOfWeek>("DigestDay", TryParseDay, required: true);
        var digestAt = group.Value<LocalTime>("DigestAt", TryParseTime, required: true);
        var monthlyDay = group.Value<int>("MonthlyDay", IntegerSetting.TryParse, required: true);
        if (monthlyDay is { } d && d is < 1 or > 28)
        {
            group.Error("MonthlyDay", $"'{d}' is not a day of the month from 1 to 28 (every month has it)");
            monthlyDay = null;
        }

        var monthlyAt = group.Value<LocalTime>("MonthlyAt", TryParseTime, required: true);
        var teamRole = group.Text("TeamRole", required: true);
        var managers = group.List("ManagerRoles");
        if (managers is { Count: 0 }) group.Error("ManagerRoles", "is required but missing or empty (roles such as Manager,DepartmentHead)");
        if (errors.Count > 0) throw new SettingsValidationException(errors.All);
        return new ReportSettings(zone!, day!.Value, digestAt!.Value, monthlyDay!.Value, monthlyAt!.Value, teamRole!, managers!);
    }

    public static ReportSettings LoadWithDefaults(IConfiguration overrides)
    {
        var configuration = SettingsLoader.WithDefaults(overrides);
        return Load(configuration, SettingsLoader.ValidCalendars(configuration));
    }

    private static bool TryParseDay(string text, out IsoDayOfWeek value, [NotNullWhen(false)] out string? error)
    {
        value = Enum.GetValues<IsoDayOfWeek>().FirstOrDefault(d => d != IsoDayOfWeek.None && string.Equals(d.ToString(), text, StringComparison.OrdinalIgnoreCase));
        error = value == IsoDayOfWeek.None ? $"'{text}' is not a day of the week (Monday … Sunday)" : null;
        return error is null;
    }

    private static bool TryParseTime(string text, out LocalTime value, [NotNullWhen(false)] out string? error)
    {
        var result = Time.Parse(text);
        value = result.Success ? result.Value : default;
        error = result.Success ? null : $"'{text}' is not a local time (use hh:mm such as 16:00)";
        return result.Success;
    }
}
