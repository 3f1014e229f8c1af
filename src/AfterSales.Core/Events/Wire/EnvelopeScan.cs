using System.Text.Json;
using System.Text.Unicode;

namespace AfterSales.Core.Events.Wire;

/// <summary>
/// One pass over the payload that proves it is a single well-formed JSON object whose text is valid
/// Unicode and whose objects name each property once, and finds its top-level <c>type</c>, so the right wire shape
/// can be chosen before any field is read. (A deserializer takes the last of two equal keys: a payload with two
/// <c>type</c>s would be applied as whichever came last.)
/// </summary>
internal static class EnvelopeScan
{
    public static EventRejection? FindType(ReadOnlySpan<byte> utf8, out string type)
    {
        type = "";
        var reader = new Utf8JsonReader(utf8);
        JsonTokenType? typeToken = null;
        var nextIsType = false;
        var objects = new Stack<ObjectScope>();
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

            objects.Push(new ObjectScope(""));

            // The reader throws for truncated payloads and for anything but whitespace after the object.
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && !IsUnicode(ref reader))
                {
                    return BadJson($"the payload has text that is not valid UTF-8 or UTF-16 near byte {reader.TokenStartIndex}");
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new ObjectScope(objects.Peek().LastPath));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName when !objects.Peek().Add(reader.GetString()!):
                        var field = objects.Peek().LastPath;
                        return new EventRejection(RejectionReason.DuplicateKey, field, $"{field} appears twice; each property is named once");
                    default:
                        break;
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

    /// <summary>One object being read: the names it has had so far, and the path of the last one (e.g. <c>customer.id</c>).</summary>
    private sealed class ObjectScope(string objectPath)
    {
        private readonly HashSet<string> names = new(StringComparer.Ordinal);
        private string? lastPath;

        /// <summary>The path of the last property read, or of the object itself before any.</summary>
        public string LastPath => lastPath ?? objectPath;

        public bool Add(string name)
        {
            lastPath = objectPath.Length == 0 ? name : $"{objectPath}.{name}";
            return names.Add(name);
        }
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
