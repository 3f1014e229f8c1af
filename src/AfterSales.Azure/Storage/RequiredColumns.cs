using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>Reads a column every row of its table has; a row without it is damaged and says which.</summary>
internal static class RequiredColumns
{
    public static string RequiredString(this TableEntity row, string column) => row.GetString(column) ?? throw Missing(row, column);

    public static Instant RequiredInstant(this TableEntity row, string column) =>
        StoredTime.FromColumn(row.GetDateTimeOffset(column) ?? throw Missing(row, column));

    private static InvalidDataException Missing(TableEntity row, string column) =>
        new($"Row {row.PartitionKey}/{row.RowKey} has no {column}.");
}
