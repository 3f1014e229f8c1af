using System.Text;
using System.Text.Json;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;

namespace AfterSales.Core.Application;

/// <summary>
/// A ticket history as one JSON document for storage: <c>{"ticketId":…,"events":[…],"produced":[…]}</c>,
/// each event in the public contract form (docs/events.md), so stored state stays readable and additive.
/// </summary>
public static class TicketHistoryJson
{
    private static readonly TicketEventParser StoredEvents = TicketEventParser.ForStoredEvents();

    public static string Write(TicketHistory history)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ticketId", history.TicketId);
            writer.WriteStartArray("events");
            foreach (var e in history.Events) writer.WriteRawValue(TicketEventWriter.ToJson(e));
            writer.WriteEndArray();
            writer.WriteStartArray("produced");
            foreach (var key in history.ProducedSteps.Order(StringComparer.Ordinal)) writer.WriteStringValue(key);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static TicketHistory Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var history = TicketHistory.Empty(root.GetProperty("ticketId").GetString()!);
        foreach (var element in root.GetProperty("events").EnumerateArray())
        {
            var parsed = StoredEvents.Parse(element.GetRawText());
            if (parsed.Event is not TicketEvent ticketEvent)
                throw new InvalidDataException($"Stored ticket {history.TicketId} holds an event that no longer reads: {parsed.Rejection}");
            history = history.Apply(ticketEvent);
        }
        return history.MarkProduced(root.GetProperty("produced").EnumerateArray().Select(e => e.GetString()!));
    }
}
