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
public static class SmsSegments
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> Basic = [.. Gsm7Basic];
    private static readonly HashSet<char> Extension = [.. Gsm7Extension];

    public static SmsSize Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(c => Basic.Contains(c) || Extension.Contains(c)) ? MeasureGsm7(text) : MeasureUcs2(text);
    }

    private static SmsSize MeasureGsm7(string text)
    {
        var widths = text.Select(c => Extension.Contains(c) ? 2 : 1).ToList();
        return Pack(SmsEncoding.Gsm7, widths, single: 160, multi: 153);
    }

    private static SmsSize MeasureUcs2(string text)
    {
        var widths = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                widths.Add(2);
                i++;
            }
            else
            {
                widths.Add(1);
            }
        }

        return Pack(SmsEncoding.Ucs2, widths, single: 70, multi: 67);
    }

    /// <param name="widths">The units of each character, which must stay within one segment.</param>
    private static SmsSize Pack(SmsEncoding encoding, List<int> widths, int single, int multi)
    {
        var units = widths.Sum();
        if (units == 0) return new SmsSize(encoding, 0, 0);
        if (units <= single) return new SmsSize(encoding, units, 1);

        var segments = 1;
        var used = 0;
        foreach (var width in widths)
        {
            if (used + width > multi)
            {
                segments++;
                used = 0;
            }

            used += width;
        }

        return new SmsSize(encoding, units, segments);
    }
}
