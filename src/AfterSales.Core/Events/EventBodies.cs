using System.Text;
using System.Text.Unicode;

namespace AfterSales.Core.Events;

/// <summary>
/// What a payload must be before it is parsed at all: at most <see cref="MaxBytes"/> bytes, and valid UTF-8 when it
/// arrives as bytes (decoding with replacement characters would hand the parser something the sender never sent).
/// </summary>
public static class EventBodies
{
    /// <summary>64 KiB: an event is a few hundred bytes; the largest (an opening with a long summary) fits many times over.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <returns>Why the body cannot be read as an event; null when it can (then <paramref name="text"/> holds it).</returns>
    public static EventRejection? Read(ReadOnlySpan<byte> body, out string text)
    {
        if (body.Length > MaxBytes)
        {
            text = Encoding.UTF8.GetString(body);
            return TooLarge(body.Length);
        }
        if (!Utf8.IsValid(body))
        {
            text = Encoding.UTF8.GetString(body);
            return new EventRejection(RejectionReason.InvalidUtf8, "$",
                $"the payload is not valid UTF-8 (first bad byte at {FirstInvalidByte(body)}); it is kept with the bad bytes shown as U+FFFD");
        }
        text = Encoding.UTF8.GetString(body);
        return null;
    }

    /// <returns>Why the text cannot be taken as an event (too large); null when it can.</returns>
    public static EventRejection? Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > MaxBytes ? TooLarge(bytes) : null;
    }

    /// <summary>A rejection that no replay can fix: the stored payload is not the one sent.</summary>
    public static bool IsFinal(EventRejection rejection) =>
        rejection?.Reason is RejectionReason.TooLarge or RejectionReason.InvalidUtf8;

    private static EventRejection TooLarge(int bytes) => new(RejectionReason.TooLarge, "$",
        $"the payload is {bytes:N0} bytes; an event is at most {MaxBytes:N0} (it is kept truncated, with its length and SHA-256)");

    private static int FirstInvalidByte(ReadOnlySpan<byte> body)
    {
        var valid = 0;
        while (valid < body.Length && System.Text.Rune.DecodeFromUtf8(body[valid..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            valid += consumed;
        return valid;
    }
}
