using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Core.Events.Wire;

/// <summary>
/// Reads ISO 8601 times that carry a UTC offset (<c>Z</c> or <c>±hh:mm</c>). The built-in converter
/// silently applies the machine's local offset to times without one, which would shift events by hours.
/// </summary>
internal sealed class TimeWithOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The message is not shown to admins: the parser words its own from the field path.
        if (reader.TokenType != JsonTokenType.String
            || !HasOffset(reader.GetString()!)
            || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("Expected an ISO 8601 time with a UTC offset.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static bool HasOffset(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.Ordinal);
        if (timeStart < 0)
        {
            return false;
        }

        var time = text.AsSpan(timeStart + 1);
        return time.EndsWith("Z", StringComparison.Ordinal) || time.IndexOfAny('+', '-') >= 0;
    }
}
