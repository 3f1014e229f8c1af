using System.Globalization;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Keys of a rejected event: PartitionKey the UTC day it was received (<c>yyyyMMdd</c>), RowKey
/// <c>{DateTime.MaxValue.Ticks − received ticks:D19}_{guid}</c> so that a day lists newest first. Its id is
/// <c>{PartitionKey}_{RowKey}</c>.
/// </summary>
internal static class RejectedEventKeys
{
    private const string DayFormat = "yyyyMMdd";

    public static (string PartitionKey, string RowKey) New(Instant receivedAt)
    {
        var utc = receivedAt.ToDateTimeUtc();
        var newestFirst = (DateTime.MaxValue.Ticks - utc.Ticks).ToString("D19", CultureInfo.InvariantCulture);
        return (utc.ToString(DayFormat, CultureInfo.InvariantCulture), $"{newestFirst}_{Guid.NewGuid():N}");
    }

    public static string Id(string partitionKey, string rowKey) => $"{partitionKey}_{rowKey}";

    /// <summary>The PartitionKey of the UTC day of <paramref name="at"/>.</summary>
    public static string Day(Instant at) => at.ToDateTimeUtc().ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The PartitionKey of the day before <paramref name="day"/> (a PartitionKey itself).</summary>
    public static string DayBefore(string day) =>
        DateTime.ParseExact(day, DayFormat, CultureInfo.InvariantCulture).AddDays(-1).ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>A paging cursor is the id of a rejected event as this class makes it: a real day, 19 digits, 32 hex digits.</summary>
    public static bool TryParseCursor(string cursor, out string partitionKey, out string rowKey) =>
        TryParse(cursor, out partitionKey, out rowKey)
        && DateTime.TryParseExact(partitionKey, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year > 1
        && rowKey.Length == 19 + 1 + 32 && rowKey[..19].All(char.IsAsciiDigit) && rowKey[19] == '_' && rowKey[20..].All(char.IsAsciiHexDigitLower);

    /// <returns>False for a string that is not such an id.</returns>
    public static bool TryParse(string id, out string partitionKey, out string rowKey)
    {
        partitionKey = rowKey = "";
        if (id.Length <= DayFormat.Length + 1 || id[DayFormat.Length] != '_') return false;
        partitionKey = id[..DayFormat.Length];
        rowKey = id[(DayFormat.Length + 1)..];
        return partitionKey.All(char.IsAsciiDigit) && rowKey.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}
