using System.Text.Json;
using AfterSales.Core.Texts;

namespace AfterSales.Core.Events.Wire;

/// <summary>
/// Turns a serializer failure on a well-formed payload (a number where a string belongs, a time without
/// offset, a malformed date) into an InvalidValue rejection naming the field and quoting its value (a phone number or
/// email masked).
/// </summary>
internal static class WrongShape
{
    public static EventRejection Rejection(ReadOnlySpan<byte> utf8, JsonException error)
    {
        var field = FieldOf(error.Path);
        var value = ValueAt(utf8, field);
        return new EventRejection(RejectionReason.InvalidValue, field, $"{field} {value} is not {Expected(field)}");
    }

    /// <summary><c>$.customer.name</c> becomes <c>customer.name</c>; contract fields need no bracket notation.</summary>
    private static string FieldOf(string? path) =>
        path is null || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Expected(string field) => field[(field.LastIndexOf('.') + 1)..] switch
    {
        "occurredAt" or "dueBy" or "visitAt" => "an ISO 8601 time with a UTC offset, such as 2026-10-09T09:12:00+08:00",
        "contractEndsOn" => "a date such as 2027-03-31",
        "customer" or "owner" or "agent" => "a JSON object",
        _ => "a JSON string",
    };

    private static string ValueAt(ReadOnlySpan<byte> utf8, string field)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        var element = document.RootElement;
        foreach (var name in field.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return "(value not found)";
            }
        }

        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        // A phone number or an address sent with the wrong type is still one: never quoted in full.
        text = field[(field.LastIndexOf('.') + 1)..] switch
        {
            "phone" => CustomerPhones.Mask(text),
            "email" => EmailAddresses.Mask(text),
            _ => text,
        };
        return element.ValueKind == JsonValueKind.String ? FieldChecks.Quote(text) : Truncate(text);
    }

    private static string Truncate(string raw) => raw.Length <= 80 ? raw : $"{raw[..77]}...";
}
