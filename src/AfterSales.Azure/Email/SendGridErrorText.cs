using System.Net;
using System.Text.Json;

namespace AfterSales.Azure.Email;

/// <summary>SendGrid's answer as one line for the outbox row: status, then each <c>errors[].field: message</c> of its body.</summary>
internal static class SendGridErrorText
{
    private const int MaxLength = 1000;

    public static string Of(HttpStatusCode status, string body)
    {
        var line = $"{(int)status} {status}";
        var messages = Messages(body);
        var text = messages.Count > 0 ? $"{line}: {string.Join("; ", messages)}"
            : body.Length > 0 ? $"{line}: {body.ReplaceLineEndings(" ")}"
            : line;
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    private static List<string> Messages(string body)
    {
        var messages = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return messages;
            foreach (var error in errors.EnumerateArray())
            {
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                if (message is not null) messages.Add(field is null ? message : $"{field}: {message}");
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's JSON error shape: the caller quotes the raw body instead.
        }
        return messages;
    }
}
