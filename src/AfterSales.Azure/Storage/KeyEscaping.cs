namespace AfterSales.Azure.Storage;

/// <summary>
/// Table keys may not hold <c>/ \ # ?</c> or control characters, and ticket ids come from helpdesks. Keys are
/// percent-encoded (<c>T/1</c> becomes <c>T%2F1</c>), which is reversible and keeps plain ids readable.
/// </summary>
internal static class KeyEscaping
{
    public static string Escape(string id) => Uri.EscapeDataString(id);

    public static string Unescape(string key) => Uri.UnescapeDataString(key);
}
