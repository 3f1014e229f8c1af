using AfterSales.Core.Calendars;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Calendars:&lt;Name&gt;</c>. The built-in <c>24x7</c> calendar always exists and cannot be configured.</summary>
internal static class CalendarSettingsReader
{
    private const string TimeZone = "TimeZone";
    private const string Hours = "Hours";
    private const string Holidays = "Holidays";
    private const string MakeUpDays = "MakeUpDays";
    private const string MakeUpDayHours = "MakeUpDayHours";
    private const string HolidayYears = "HolidayYears";

    private static readonly IsoDayOfWeek[] Week =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    /// <returns>The valid calendars, and the names of every enabled calendar (valid or not), so that a policy naming a broken calendar is not reported twice.</returns>
    public static (IReadOnlyDictionary<string, BusinessCalendar> Calendars, IReadOnlySet<string> Names) Read(
        IConfigurationSection calendars, SettingsErrors errors)
    {
        var result = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase)
        {
            [BusinessCalendar.TwentyFourSevenName] = BusinessCalendar.TwentyFourSeven(),
        };
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { BusinessCalendar.TwentyFourSevenName };
        foreach (var entry in SettingsGroup.Entries(calendars, errors))
        {
            if (string.Equals(entry.Key, BusinessCalendar.TwentyFourSevenName, StringComparison.OrdinalIgnoreCase))
            {
                errors.AddUnknown(entry, $"none, the built-in {BusinessCalendar.TwentyFourSevenName} calendar cannot be configured; add a calendar with another name");
                continue;
            }

            if (!SettingsGroup.IsEnabled(entry, errors)) continue;
            names.Add(entry.Key);
            var before = errors.Count;
            var definition = ReadCalendar(entry, errors);
            if (definition is not null && errors.Count == before) result[entry.Key] = BusinessCalendar.Create(definition);
        }

        return (result, names);
    }

    private static CalendarDefinition? ReadCalendar(IConfigurationSection entry, SettingsErrors errors)
    {
        var group = new SettingsGroup(entry, errors, "Enabled", TimeZone, Hours, Holidays, MakeUpDays, MakeUpDayHours, HolidayYears);
        var zone = group.Reference<string>(TimeZone, TimeZoneSetting.TryParse, required: true);
        var hours = new SettingsGroup(entry.GetSection(Hours), errors, Week.Select(d => d.ToString()).ToArray());
        var weekly = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingSpan>>();
        foreach (var day in Week)
        {
            weekly[day] = hours.Reference<IReadOnlyList<WorkingSpan>>(day.ToString(), WorkingHoursSetting.TryParse) ?? [];
        }

        var holidays = group.Reference<IReadOnlyList<DateRange>>(Holidays, DateListSetting.TryParseRanges) ?? [];
        var makeUpDays = group.Reference<IReadOnlyList<LocalDate>>(MakeUpDays, DateListSetting.TryParseDates) ?? [];
        var makeUpDayHours = group.Reference<IReadOnlyList<WorkingSpan>>(MakeUpDayHours, WorkingHoursSetting.TryParse) ?? [];

        if (makeUpDays.Count > 0 && makeUpDayHours.Count == 0 && string.IsNullOrWhiteSpace(entry[MakeUpDayHours]))
        {
            group.Error(MakeUpDayHours, "is required when MakeUpDays lists days (the working hours of a make-up day, such as 08:30-17:30)");
        }

        var clashes = makeUpDays.Where(d => holidays.Any(h => h.Contains(d))).ToList();
        if (clashes.Count > 0)
        {
            var dates = string.Join(", ", clashes.Select(d => d.ToString("yyyy-MM-dd", null)));
            group.Error(MakeUpDays, $"{dates} {(clashes.Count == 1 ? "is" : "are")} also in Holidays: a day is either a holiday or a make-up working day");
        }

        // What the admin states; not checked against the dates, so that a list can carry last year's dates while tickets of it are open.
        var years = group.Value<CoveredYears>(HolidayYears, CoveredYears.TryParse);

        if (weekly.Values.All(spans => spans.Count == 0) && makeUpDays.Count == 0)
        {
            group.Error(Hours, "no day of the week has working hours: a calendar needs some working time (or use the built-in 24x7 calendar)");
        }

        return zone is null
            ? null
            : new CalendarDefinition(entry.Key, zone, weekly, holidays, makeUpDays, makeUpDayHours) { HolidayYears = years };
    }
}
