using System.Globalization;
using AfterSales.Core.Application;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Keys of a due-index row: PartitionKey the UTC hour of the due instant, RowKey <c>{UTC ticks:D19}_{escaped ticket id}</c>
/// for a sweep's row and <c>{UTC ticks:D19}|{escaped ticket id}|{escaped event id}</c> for an ingestion's (percent-escaped
/// ids hold no <c>|</c>), so rows sort by time and "due by now" is a RowKey range a query can filter on the server.
/// </summary>
internal static class DueRowKeys
{
    private const int TicksLength = 19;
    private const char SweepSeparator = '_';
    private const char EventSeparator = '|';

    public static string PartitionKey(Instant dueAt) => HourBucket.Of(dueAt).Key;

    public static string RowKey(DueEntry entry) => entry.EventId is { } eventId
        ? $"{Ticks(entry.DueAt)}{EventSeparator}{KeyEscaping.Escape(entry.TicketId)}{EventSeparator}{KeyEscaping.Escape(eventId)}"
        : $"{Ticks(entry.DueAt)}{SweepSeparator}{KeyEscaping.Escape(entry.TicketId)}";

    /// <summary>Above every RowKey due at or before <paramref name="now"/> ('~' sorts after '_' and '|'), below every later one.</summary>
    public static string UpperBound(Instant now) => $"{Ticks(now)}~";

    public static DueEntry Parse(string rowKey)
    {
        var separator = rowKey.Length > TicksLength ? rowKey[TicksLength] : '\0';
        var second = separator == EventSeparator ? rowKey.IndexOf(EventSeparator, TicksLength + 1) : -1;
        if (separator != SweepSeparator && second < 0) throw new InvalidDataException($"'{rowKey}' is not a due-index row key.");
        var ticks = long.Parse(rowKey.AsSpan(0, TicksLength), NumberStyles.None, CultureInfo.InvariantCulture);
        var dueAt = Instant.FromDateTimeUtc(new DateTime(ticks, DateTimeKind.Utc));
        return second < 0
            ? new DueEntry(KeyEscaping.Unescape(rowKey[(TicksLength + 1)..]), dueAt)
            : new DueEntry(KeyEscaping.Unescape(rowKey[(TicksLength + 1)..second]), dueAt, KeyEscaping.Unescape(rowKey[(second + 1)..]));
    }

    private static string Ticks(Instant instant) =>
        instant.ToDateTimeUtc().Ticks.ToString("D19", CultureInfo.InvariantCulture);
}
