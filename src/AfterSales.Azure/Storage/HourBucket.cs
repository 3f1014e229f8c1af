using System.Globalization;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>A UTC hour, the partition of the due index: <c>yyyyMMddHH</c>, which sorts in time order.</summary>
internal readonly record struct HourBucket(Instant Start) : IComparable<HourBucket>
{
    private const string Format = "yyyyMMddHH";

    public static HourBucket Of(Instant instant) =>
        new(Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks() / NodaConstants.TicksPerHour * NodaConstants.TicksPerHour));

    public static HourBucket Parse(string key) =>
        new(Instant.FromDateTimeUtc(DateTime.SpecifyKind(
            DateTime.ParseExact(key, Format, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc)));

    public HourBucket Next => new(Start + Duration.FromHours(1));

    public HourBucket Minus(Duration duration) => Of(Start - duration);

    public string Key => Start.ToDateTimeUtc().ToString(Format, CultureInfo.InvariantCulture);

    public int CompareTo(HourBucket other) => Start.CompareTo(other.Start);

    public static bool operator <(HourBucket left, HourBucket right) => left.CompareTo(right) < 0;

    public static bool operator >(HourBucket left, HourBucket right) => left.CompareTo(right) > 0;

    public static bool operator <=(HourBucket left, HourBucket right) => left.CompareTo(right) <= 0;

    public static bool operator >=(HourBucket left, HourBucket right) => left.CompareTo(right) >= 0;

    public static HourBucket Earlier(HourBucket a, HourBucket b) => a <= b ? a : b;

    public override string ToString() => Key;
}
