using AfterSales.Core.Calendars;
using NodaTime;

namespace AfterSales.Core.Sla;

/// <summary>
/// A target measured on a policy's calendar. Whole days count as working days of that calendar
/// (<see cref="BusinessCalendar.NominalWorkingDay"/>: 24 h on 24x7, e.g. 9 h on Mon–Fri 08:30–17:30),
/// so "P3D" on a business calendar means three business days; hours and minutes are working time.
/// </summary>
public readonly record struct SlaTarget(int WorkingDays, Duration WorkingTime)
{
    public static SlaTarget FromTime(Duration workingTime) => new(0, workingTime);

    public Duration On(BusinessCalendar calendar) => calendar.NominalWorkingDay * WorkingDays + WorkingTime;

    public override string ToString() => (WorkingDays, WorkingTime) switch
    {
        (0, var t) => DurationText.Format(t),
        (var d, var t) when t == Duration.Zero => $"{d} working day{(d == 1 ? "" : "s")}",
        (var d, var t) => $"{d} working day{(d == 1 ? "" : "s")} {DurationText.Format(t)}",
    };
}
