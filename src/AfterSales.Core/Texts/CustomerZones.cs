using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>The time zone a customer lives in: their own when the helpdesk sent one, otherwise <c>Texts__CustomerTimeZone</c>.</summary>
public static class CustomerZones
{
    /// <param name="timeZone">The customer's IANA zone id from the ticket or delivery event, or null.</param>
    public static DateTimeZone Of(string? timeZone, DateTimeZone fallback) =>
        timeZone is { } id && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? zone : fallback;
}
