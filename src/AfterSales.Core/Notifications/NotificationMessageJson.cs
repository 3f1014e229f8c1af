using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Notifications;

/// <summary>
/// The docs/messages.md JSON form of <see cref="NotificationMessage"/>. Unknown fields are ignored (a newer producer
/// may add some); a missing or malformed field is a <see cref="FormatException"/> naming it.
/// </summary>
public static class NotificationMessageJson
{
    public static string Write(NotificationMessage message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", message.SchemaVersion);
            writer.WriteString("channel", ChannelName(message.Channel));
            writer.WriteString("stepKey", message.StepKey);
            writer.WriteString("ticketId", message.TicketId);
            writer.WriteString("level", message.Level);
            writer.WriteString("role", message.Role);
            writer.WriteString("dueAt", InstantPattern.ExtendedIso.Format(message.DueAt));
            writer.WriteString("producedAt", InstantPattern.ExtendedIso.Format(message.ProducedAt));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="FormatException">Not JSON, or a field is missing or malformed (the message names it).</exception>
    public static NotificationMessage Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"notification message is not JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("notification message is not a JSON object");
            var version = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 1
                ? n : throw new FormatException("schemaVersion: missing or not a whole number of at least 1");
            var channelName = Text(root, "channel");
            var channel = Enum.GetValues<NotificationChannel>().Where(c => ChannelName(c) == channelName).Cast<NotificationChannel?>().FirstOrDefault()
                ?? throw new FormatException($"channel: '{channelName}' is not a channel this dispatcher sends (known: {string.Join(", ", Enum.GetValues<NotificationChannel>().Select(ChannelName))})");
            return new NotificationMessage(version, channel, Text(root, "stepKey"), Text(root, "ticketId"), Text(root, "level"), Text(root, "role"),
                Time(root, "dueAt"), Time(root, "producedAt"));
        }
    }

    public static string ChannelName(NotificationChannel channel) => channel.ToString().ToLower(CultureInfo.InvariantCulture);

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text : throw new FormatException($"{name}: missing or not a non-empty string");

    private static Instant Time(JsonElement root, string name)
    {
        var text = Text(root, name);
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success) return parsed.Value.ToInstant();
        var utc = InstantPattern.ExtendedIso.Parse(text);
        return utc.Success ? utc.Value : throw new FormatException($"{name}: '{text}' is not an ISO 8601 time with offset");
    }
}
