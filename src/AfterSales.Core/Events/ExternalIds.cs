using System.Globalization;
using System.Text;

namespace AfterSales.Core.Events;

/// <summary>
/// What an id from the helpdesk may be (docs/events.md): at most <see cref="MaxUtf8Bytes"/> bytes of UTF-8, made of
/// letters and digits of any script and <c>- _ . : / # @ + ~</c>. Ids become table keys (percent-escaped) and parts of
/// step keys, which hold a ticket id and an event id together: this bound keeps every such key under the 1 KiB a
/// table key may be, and the character set keeps out what a key or a log line cannot hold (control characters,
/// unpaired surrogates, spaces).
/// </summary>
public static class ExternalIds
{
    public const int MaxUtf8Bytes = 64;

    private const string Punctuation = "-_.:/#@+~";

    /// <returns>Why <paramref name="id"/> is not a valid id; null when it is.</returns>
    public static string? Problem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var rune in id.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (rune.IsAscii && Punctuation.Contains((char)rune.Value, StringComparison.Ordinal))) continue;
            var shown = rune == Rune.ReplacementChar || Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) ? "" : $"'{rune}' ";
            return $"holds {shown}(U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}); an id holds letters, digits and {Punctuation}";
        }
        var bytes = Encoding.UTF8.GetByteCount(id);
        return bytes > MaxUtf8Bytes ? $"is {bytes} bytes in UTF-8; an id is at most {MaxUtf8Bytes} (64 ASCII characters, 21 Chinese)" : null;
    }
}
