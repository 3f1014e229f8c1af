using System.Buffers;

namespace AfterSales.Core.Texts;

/// <summary>How a text is encoded on the air and how many SMS segments it takes.</summary>
public enum SmsEncoding { Gsm7, Ucs2 }

/// <summary>The size of a text as an SMS: its encoding, its length in that encoding's units, and its segments.</summary>
public readonly record struct SmsSize(SmsEncoding Encoding, int Units, int Segments);

/// <summary>
/// Counts SMS segments as carriers do (3GPP TS 23.038 / 23.040). A text of GSM 03.38 characters only is sent in
/// GSM-7: basic-table characters take one septet, extension-table characters (<c>^ { } [ ] ~ \ | €</c> and form
/// feed) two; 160 septets fit one segment, 153 each segment of a longer text, and an escape pair is never split
/// across segments. Any other character makes the whole text UCS-2: UTF-16 code units, 70 in one segment, 67 per
/// segment of a longer text, and a surrogate pair (an emoji) is never split either.
/// </summary>
/// <remarks>Every text planned is measured (a simulated month measures millions), so the counts allocate nothing.</remarks>
public static class SmsSegments
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> Gsm7 = SearchValues.Create(Gsm7Basic + Gsm7Extension);
    private static readonly SearchValues<char> Extension = SearchValues.Create(Gsm7Extension);

    public static SmsSize Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAnyExcept(Gsm7) < 0 ? Pack(SmsEncoding.Gsm7, text, single: 160, multi: 153) : Pack(SmsEncoding.Ucs2, text, single: 70, multi: 67);
    }

    /// <summary>
    /// The units of the character at <paramref name="i"/>, which must stay within one segment, and how many UTF-16
    /// code units it spans: an extension-table character is two septets, a surrogate pair two UCS-2 units.
    /// </summary>
    private static (int Width, int Length) Next(SmsEncoding encoding, string text, int i)
    {
        if (encoding == SmsEncoding.Gsm7) return (Extension.Contains(text[i]) ? 2 : 1, 1);
        return char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? (2, 2) : (1, 1);
    }

    private static SmsSize Pack(SmsEncoding encoding, string text, int single, int multi)
    {
        var units = 0;
        for (var i = 0; i < text.Length;)
        {
            var (width, length) = Next(encoding, text, i);
            units += width;
            i += length;
        }

        if (units == 0) return new SmsSize(encoding, 0, 0);
        if (units <= single) return new SmsSize(encoding, units, 1);

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length;)
        {
            var (width, length) = Next(encoding, text, i);
            if (used + width > multi)
            {
                segments++;
                used = 0;
            }

            used += width;
            i += length;
        }

        return new SmsSize(encoding, units, segments);
    }
}
