using System.Globalization;
using System.Text;
using AfterSales.Core.Application;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Email;

/// <summary>
/// Writes each email as an .eml file (MIME, multipart/alternative: plain text then HTML, UTF-8, base64) into a
/// folder, for local runs and <c>aftersales simulate --out</c>. The file is named after the step key, so writing the
/// same step again replaces its file rather than adding a second one.
/// </summary>
public sealed class PickupEmailSender(string directory, string from, string fromName, TimeProvider time) : IEmailSender
{
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = FileName(message.StepKey);
        var sentAt = Instant.FromDateTimeOffset(time.GetUtcNow());
        await File.WriteAllTextAsync(Path.Combine(directory, name), Mime(message, sentAt), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return SendResult.Success(name, 1);
    }

    /// <summary>A file name from a step key: every character other than letters, digits, '-' and '.' becomes '_'.</summary>
    public static string FileName(string stepKey) =>
        new string([.. stepKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]) + ".eml";

    private string Mime(EmailMessage message, Instant sentAt)
    {
        // "=_" never occurs in base64 text, so the boundary cannot collide with a body line.
        const string boundary = "=_aftersales_part";
        var mime = new StringBuilder();
        void Line(string text) => mime.Append(text).Append("\r\n");

        Line($"From: {Encoded(fromName)} <{from}>");
        Line($"To: <{message.To}>");
        Line($"Subject: {Encoded(message.Subject)}");
        Line($"Date: {OffsetDateTimePattern.CreateWithInvariantCulture("ddd, dd MMM uuuu HH':'mm':'ss '+0000'").Format(sentAt.WithOffset(Offset.Zero))}");
        Line($"Message-ID: <{FileName(message.StepKey)[..^4]}@aftersales.local>");
        Line($"X-AfterSales-Ticket: {Encoded(message.TicketId)}");
        Line($"X-AfterSales-Step: {Encoded(message.StepKey)}");
        Line("MIME-Version: 1.0");
        Line($"Content-Type: multipart/alternative; boundary=\"{boundary}\"");
        Line("");
        Part(message.Text, "text/plain");
        Part(message.Html, "text/html");
        Line($"--{boundary}--");
        return mime.ToString();

        void Part(string body, string type)
        {
            Line($"--{boundary}");
            Line($"Content-Type: {type}; charset=utf-8");
            Line("Content-Transfer-Encoding: base64");
            Line("");
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
            for (var i = 0; i < base64.Length; i += 76) Line(base64.Substring(i, Math.Min(76, base64.Length - i)));
        }
    }

    /// <summary>RFC 2047 encoded-word for header text that is not plain ASCII.</summary>
    private static string Encoded(string text) =>
        text.All(c => c is >= ' ' and <= '~')
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=");
}
