using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// A string property holds at most 64 KiB (32K UTF-16 characters), so long text (a ticket history, a rejected
/// payload) is kept as <c>{Name}0</c>, <c>{Name}1</c>, … of at most 30,000 characters each, with their count in
/// <c>{Name}Chunks</c>. A chunk never ends between the two halves of a surrogate pair.
/// </summary>
internal static class LongText
{
    public const int MaxChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string value)
    {
        var chunks = 0;
        for (var start = 0; start < value.Length; chunks++)
        {
            var length = Math.Min(MaxChunkLength, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1])) length--;
            entity[name + chunks] = value.Substring(start, length);
            start += length;
        }
        entity[name + "Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks")
            ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has no {name}Chunks.");
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i)
            ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} lacks {name}{i}.")));
    }
}
