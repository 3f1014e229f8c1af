using System.Text.Json;
using System.Text.Unicode;

namespace AfterSales.Core.Events.Wire;

/// <summary>
/// One pass over the payload that proves it is a single well-formed JSON object whose text is valid
/// Unicode, and finds its top-level <c>type</c>, so the right wire shape can be chosen before any field is read.
/// </summary>
internal static class EnvelopeScan
{
    public static EventRejection? FindType(ReadOnlySpan<byte> utf8, out string type)
    {
        type = "";
        var reader = new Utf8JsonReader(utf8);
        JsonTokenType? typeToken = null;
        var nextIsType = false;
        try
        {
            if (!reader.Read())
            {
                return BadJson("the payload is empty");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return BadJson($"the payload is a JSON {Describe(reader.TokenType)}, not an object");
            }

            // The reader throws for truncated payloads and for anything but whitespace after the object.
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && !IsUnicode(ref reader))
                {
                    return BadJson($"the payload has text that is not valid UTF-8 or UTF-16 near byte {reader.TokenStartIndex}");
                }

                if (nextIsType)
                {
                    typeToken = reader.TokenType;
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
                    nextIsType = false;
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    nextIsType = reader.ValueTextEquals("type"u8);
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
            {
                return BadJson("the payload ends before its object is closed");
            }
        }
        catch (JsonException ex)
        {
            return BadJson($"the payload is not valid JSON: {ex.Message}");
        }

        return typeToken switch
        {
            null or JsonTokenType.Null => new EventRejection(
                RejectionReason.MissingField, "type", "type is missing; every event names its type"),
            not JsonTokenType.String => new EventRejection(
                RejectionReason.InvalidValue, "type", $"type must be a JSON string, not a {Describe(typeToken.Value)}"),
            _ when !WireEventTypes.TryGet(type, out _) => new EventRejection(
                RejectionReason.UnknownType, "type", $"type {FieldChecks.Quote(type)} is not a known event type"),
            _ => null,
        };
    }

    /// <summary>The reader checks JSON grammar only: invalid UTF-8 bytes and lone surrogate escapes get through.</summary>
    private static bool IsUnicode(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static EventRejection BadJson(string message) => new(RejectionReason.BadJson, "$", message);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };
}
