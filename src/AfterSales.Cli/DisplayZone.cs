using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Cli;

public static class DisplayZone
{
    /// <summary>The zone of the Business calendar, else of any business-hours calendar, else UTC.</summary>
    public static DateTimeZone Of(AfterSalesSettings settings) =>
        settings.Calendars.TryGetValue("Business", out var business) ? business.Zone
        : settings.Calendars.Values.FirstOrDefault(c => !c.Is24x7)?.Zone ?? DateTimeZone.Utc;
}
