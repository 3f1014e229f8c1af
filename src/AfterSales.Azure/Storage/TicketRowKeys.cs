namespace AfterSales.Azure.Storage;

/// <summary>
/// The rows of one ticket's partition (PartitionKey: the escaped ticket id): <c>s|{escaped ticket id}</c> (the state row),
/// one <c>e|{escaped event id}</c> per event and one <c>p|{escaped step key}</c> per step the sweep produced. The state
/// row's key names the ticket because Azurite finds a row by RowKey first: a key shared by every ticket made each point
/// request scan every ticket's state row. Tickets stored before keep theirs under <see cref="OldState"/> until their next
/// save moves it. docs/storage.md says why.
/// </summary>
internal static class TicketRowKeys
{
    /// <summary>The state row as earlier versions kept it (and the old one-row layout): read, never written.</summary>
    public const string OldState = "state";
    private const string StatePrefix = "s|";
    private const string EventPrefix = "e|";
    private const string ProducedPrefix = "p|";

    public static string Partition(string ticketId) => KeyEscaping.Escape(ticketId);

    public static string State(string ticketId) => StatePrefix + KeyEscaping.Escape(ticketId);

    public static string Event(string eventId) => EventPrefix + KeyEscaping.Escape(eventId);

    public static string Produced(string stepKey) => ProducedPrefix + KeyEscaping.Escape(stepKey);

    public static bool IsState(string rowKey) => rowKey.StartsWith(StatePrefix, StringComparison.Ordinal);

    public static bool IsEvent(string rowKey) => rowKey.StartsWith(EventPrefix, StringComparison.Ordinal);

    public static bool IsProduced(string rowKey) => rowKey.StartsWith(ProducedPrefix, StringComparison.Ordinal);

    public static string StepKeyOf(string producedRowKey) => KeyEscaping.Unescape(producedRowKey[ProducedPrefix.Length..]);
}
