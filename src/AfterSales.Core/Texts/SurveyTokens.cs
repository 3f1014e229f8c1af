using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>What a valid survey token names.</summary>
/// <param name="Survey">The survey's number within the ticket (its cycle): the survey text's key is <c>{ticket}/text/survey/{Survey}</c>.</param>
public sealed record SurveyTokenClaims(string TicketId, int Survey, Instant ExpiresAt)
{
    public string SurveyKey => CustomerTextKeys.Survey(TicketId, Survey);
}

/// <summary>Why a survey token was refused.</summary>
public enum SurveyTokenProblem { Malformed, Forged, Expired }

/// <summary>A token checked: either its claims or the problem, with a message fit for the person who opened the link.</summary>
public sealed record SurveyTokenCheck(SurveyTokenClaims? Claims, SurveyTokenProblem? Problem, string? Error)
{
    public bool IsValid => Claims is not null;
}

/// <summary>
/// Signed, expiring survey-link tokens: <c>{ticket id}.{survey}.{expiry, Unix seconds in base 36}.{MAC}</c>,
/// the MAC being HMAC-SHA256 of everything before it, cut to 128 bits and base64url-encoded (short enough for a
/// two-segment text). The key comes from settings and never leaves this class.
/// </summary>
public sealed class SurveyTokens
{
    private const int MacBytes = 16;
    private readonly byte[] key;

    public SurveyTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32) throw new ArgumentException("A survey signing key has at least 32 bytes.", nameof(key));
        this.key = [.. key];
    }

    public string Issue(string ticketId, int survey, Instant expiresAt)
    {
        var body = string.Join('.', TicketField(ticketId), survey.ToString(CultureInfo.InvariantCulture), ToBase36(expiresAt.ToUnixTimeSeconds()));
        return body + "." + Mac(body);
    }

    /// <summary>Checks the signature first (an altered token is forged, whatever else it says), then the expiry.</summary>
    public SurveyTokenCheck Check(string? token, Instant now)
    {
        if (string.IsNullOrWhiteSpace(token)) return Refuse(SurveyTokenProblem.Malformed, "the survey link has no token");
        var lastDot = token.LastIndexOf('.');
        if (lastDot <= 0) return Refuse(SurveyTokenProblem.Malformed, "the survey link's token is not a survey token");
        var body = token[..lastDot];
        var expected = Encoding.ASCII.GetBytes(Mac(body));
        var given = Encoding.ASCII.GetBytes(token[(lastDot + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
            return Refuse(SurveyTokenProblem.Forged, "the survey link's signature does not match: the link was altered or not issued by us");

        var fields = body.Split('.');
        if (fields.Length < 3
            || !int.TryParse(fields[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var survey)
            || !TryFromBase36(fields[^1], out var expirySeconds))
        {
            return Refuse(SurveyTokenProblem.Malformed, "the survey link's token is not a survey token");
        }

        if (fields.Length != 3 || ReadTicketField(fields[0]) is not { } ticketId)
            return Refuse(SurveyTokenProblem.Malformed, "the survey link's token is not a survey token");
        var expiresAt = Instant.FromUnixTimeSeconds(expirySeconds);
        if (now >= expiresAt) return Refuse(SurveyTokenProblem.Expired, $"the survey link expired at {expiresAt:uuuu-MM-dd'T'HH:mm'Z'}");
        return new SurveyTokenCheck(new SurveyTokenClaims(ticketId, survey, expiresAt), null, null);
    }

    /// <summary>A plain id (letters, digits, '-', '_') as it is; any other as '~' and its UTF-8 in base64url, so the token stays URL-safe.</summary>
    private static string TicketField(string ticketId) =>
        ticketId.Length > 0 && ticketId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? ticketId
            : "~" + Base64Url(Encoding.UTF8.GetBytes(ticketId));

    private static string? ReadTicketField(string field)
    {
        if (!field.StartsWith('~')) return field.Length > 0 ? field : null;
        try
        {
            var base64 = field[1..].Replace('-', '+').Replace('_', '/');
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static SurveyTokenCheck Refuse(SurveyTokenProblem problem, string error) => new(null, problem, error);

    private string Mac(string body)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body));
        return Base64Url(mac[..MacBytes]);
    }

    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static string ToBase36(long value)
    {
        if (value <= 0) return "0";
        var text = new StringBuilder();
        for (; value > 0; value /= 36) text.Insert(0, Digits[(int)(value % 36)]);
        return text.ToString();
    }

    private static bool TryFromBase36(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 12) return false;
        foreach (var c in text)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return false;
            value = (value * 36) + digit;
        }

        return true;
    }
}
