using System.Globalization;
using AfterSales.Core.Application;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Keys of a due-index row: PartitionKey the UTC hour of the due instant, RowKey <c>{UTC ticks:D19}_{escaped ticket id}</c>,
/// so rows sort by time and "due by now" is a RowKey range a query can filter on the server.
/// </summary>
internal static class DueRowKeys
{
    public static string PartitionKey(Instant dueAt) => HourBucket.Of(dueAt).Key;

    public static string RowKey(DueEntry entry) => $"{Ticks(entry.DueAt)}_{KeyEscaping.Escape(entry.TicketId)}";

    /// <summary>Above every RowKey due at or before <paramref name="now"/> ('~' sorts after '_'), below every later one.</summary>
    public static string UpperBound(Instant now) => $"{Ticks(now)}~";

    public static DueEntry Parse(string rowKey)
    {
        var separator = rowKey.IndexOf('_', StringComparison.Ordinal);
        if (separator != 19) throw new InvalidDataException($"'{rowKey}' is not a due-index row key.");
        var ticks = long.Parse(rowKey.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
        return new DueEntry(KeyEscaping.Unescape(rowKey[(separator + 1)..]), Instant.FromDateTimeUtc(new DateTime(ticks, DateTimeKind.Utc)));
    }

    private static string Ticks(Instant instant) =>
        instant.ToDateTimeUtc().Ticks.ToString("D19", CultureInfo.InvariantCulture);
}
