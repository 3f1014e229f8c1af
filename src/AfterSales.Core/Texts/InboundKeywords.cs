using System.Globalization;
using System.Text;

namespace AfterSales.Core.Texts;

/// <summary>What a customer's reply asks for.</summary>
public enum InboundIntent { Other, Stop, Start, Rating }

/// <summary>A reply understood: its intent, and the rating (1–5) when it is one.</summary>
public sealed record InboundReply(InboundIntent Intent, int? Rating)
{
    public static readonly InboundReply Other = new(InboundIntent.Other, null);
}

/// <summary>
/// Reads a customer's reply: <c>STOP</c>, <c>退订</c> or <c>TD</c> stops every text to the number, and so do the
/// other words Twilio itself treats as an opt-out (<c>STOPALL</c>, <c>UNSUBSCRIBE</c>, <c>CANCEL</c>, <c>END</c>,
/// <c>QUIT</c>), because Twilio then blocks the number whatever we record; <c>START</c> resumes, with Twilio's other
/// opt-in words <c>UNSTOP</c> and <c>YES</c>; a digit 1–5 rates the latest open survey. Case does not matter; spaces around the word, full-width
/// letters and digits (as a Chinese keyboard types them) are accepted. Anything else is not a command.
/// </summary>
public static class InboundKeywords
{
    private static readonly HashSet<string> StopWords = new(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "退订", "TD"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> StartWords = new(["START", "UNSTOP", "YES"], StringComparer.OrdinalIgnoreCase);

    public static InboundReply Read(string? body)
    {
        if (body is null) return InboundReply.Other;
        // NFKC folds full-width forms (ＳＴＯＰ, ５) and the ideographic space into their ASCII equivalents.
        var word = body.Normalize(NormalizationForm.FormKC).Trim();
        if (StopWords.Contains(word)) return new InboundReply(InboundIntent.Stop, null);
        if (StartWords.Contains(word)) return new InboundReply(InboundIntent.Start, null);
        if (word.Length == 1 && word[0] is >= '1' and <= '5')
            return new InboundReply(InboundIntent.Rating, int.Parse(word, CultureInfo.InvariantCulture));
        return InboundReply.Other;
    }
}
