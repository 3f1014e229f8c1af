using NodaTime;

namespace AfterSales.Core.Calendars;

// PLACEHOLDER: only the 24x7 arithmetic works here; the calendar helper replaces this whole file with
// the real implementation (same public surface).
public sealed class BusinessCalendar
{
    private BusinessCalendar(string name, DateTimeZone zone, bool is24x7, CalendarDefinition? definition)
    {
        Name = name;
        Zone = zone;
        Is24x7 = is24x7;
        Definition = definition;
    }

    public const string TwentyFourSevenName = "24x7";

    public string Name { get; }
    public DateTimeZone Zone { get; }
    public bool Is24x7 { get; }
    public CalendarDefinition? Definition { get; }

    /// <summary>Length of one working day: 24 h on 24x7, otherwise the longest weekday's working time.</summary>
    public Duration NominalWorkingDay => Is24x7 ? Duration.FromHours(24) : throw new NotImplementedException();

    public static BusinessCalendar TwentyFourSeven(DateTimeZone? zone = null) => new(TwentyFourSevenName, zone ?? DateTimeZone.Utc, true, null);

    public static BusinessCalendar Create(CalendarDefinition definition) =>
        new(definition.Name, DateTimeZoneProviders.Tzdb[definition.TimeZoneId], false, definition);

    /// <summary>The instant at which <paramref name="workingTime"/> of working time has passed since <paramref name="start"/>.</summary>
    public Instant AddWorkingTime(Instant start, Duration workingTime) => Is24x7 ? start + workingTime : throw new NotImplementedException();

    /// <summary>Working time in [from, to); zero when to &lt;= from.</summary>
    public Duration WorkingTimeBetween(Instant from, Instant to) => Is24x7 ? (to > from ? to - from : Duration.Zero) : throw new NotImplementedException();

    public bool IsWorkingTime(Instant instant) => Is24x7 ? true : throw new NotImplementedException();

    /// <summary>The instant itself when it is working time, else the next opening.</summary>
    public Instant NextWorkingInstant(Instant instant) => Is24x7 ? instant : throw new NotImplementedException();
}
