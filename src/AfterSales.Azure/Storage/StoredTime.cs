using AfterSales.Core.Application;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Instants as tables keep them: UTC <see cref="DateTimeOffset"/> values and tick counts, both whole ticks (100 ns).
/// Due instants must already be whole ticks (<see cref="DueIndexing.ToStoredPrecision"/>), or a row would read
/// back as a different instant from the one its ticket points at.
/// </summary>
internal static class StoredTime
{
    public static DateTimeOffset ToColumn(Instant instant) => instant.ToDateTimeOffset();

    public static DateTimeOffset? ToColumn(Instant? instant) => instant?.ToDateTimeOffset();

    public static Instant FromColumn(DateTimeOffset value) => Instant.FromDateTimeOffset(value);

    public static Instant? FromColumn(DateTimeOffset? value) => value is { } v ? Instant.FromDateTimeOffset(v) : null;

    /// <exception cref="ArgumentException">The instant falls between two ticks.</exception>
    public static Instant RequireWholeTicks(Instant instant, string paramName)
    {
        if (DueIndexing.ToStoredPrecision(instant) != instant)
            throw new ArgumentException($"{instant} falls between two ticks; store DueIndexing.ToStoredPrecision of it.", paramName);
        return instant;
    }
}
