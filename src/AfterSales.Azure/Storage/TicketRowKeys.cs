namespace AfterSales.Azure.Storage;

/// <summary>
/// The rows of one ticket's partition (PartitionKey: the escaped ticket id): <c>state</c>, one <c>e|{escaped event id}</c>
/// per event and one <c>p|{escaped step key}</c> per step the sweep produced. docs/storage.md says why.
/// </summary>
internal static class TicketRowKeys
{
    public const string State = "state";
    private const string EventPrefix = "e|";
    private const string ProducedPrefix = "p|";

    public static string Partition(string ticketId) => KeyEscaping.Escape(ticketId);

    public static string Event(string eventId) => EventPrefix + KeyEscaping.Escape(eventId);

    public static string Produced(string stepKey) => ProducedPrefix + KeyEscaping.Escape(stepKey);

    public static bool IsEvent(string rowKey) => rowKey.StartsWith(EventPrefix, StringComparison.Ordinal);

    public static bool IsProduced(string rowKey) => rowKey.StartsWith(ProducedPrefix, StringComparison.Ordinal);

    public static string StepKeyOf(string producedRowKey) => KeyEscaping.Unescape(producedRowKey[ProducedPrefix.Length..]);
}
