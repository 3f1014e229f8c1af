using System.Globalization;
using System.Net;
using System.Text;
using AfterSales.Core.Texts;

namespace AfterSales.Functions.Survey;

/// <summary>
/// The pages a customer sees from a survey link: the form (five large choices, an optional comment, one submit; a plain
/// form POST, no script), the thank-you page, and a page for every other outcome. Mobile first, inline CSS only,
/// labelled controls, visible focus, targets of at least 44 px, contrast above 4.5:1.
/// </summary>
public static class SurveyPage
{
    public static HtmlPage Form(SurveyPageText text, string company, string ticketId, string? summary, string? error = null, int status = 200) =>
        new(status, nonce =>
        {
            var body = new StringBuilder();
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"ticket\">{Encode(text.Ticket)} {Encode(ticketId)}</p>");
            if (!string.IsNullOrWhiteSpace(summary)) body.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\">{Encode(summary)}</p>");
            body.Append("<form method=\"post\">");
            if (error is not null) body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\" id=\"error\">{Encode(error)}</p>");
            body.Append(CultureInfo.InvariantCulture, $"<fieldset{(error is null ? "" : " aria-describedby=\"error\"")}><legend>{Encode(text.Question)}</legend><div class=\"scores\">");
            for (var score = 1; score <= 5; score++)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<label class=\"score\"><input type=\"radio\" name=\"rating\" value=\"{score}\" required><span class=\"face\"><b>{score}</b> {Encode(text.Scores[score - 1])}</span></label>");
            }
            body.Append("</div></fieldset>");
            body.Append(CultureInfo.InvariantCulture,
                $"<label class=\"comment\" for=\"comment\">{Encode(text.CommentLabel)}</label><textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"{RatingRecorded.MaxCommentLength}\" aria-describedby=\"hint\"></textarea><p class=\"hint\" id=\"hint\">{Encode(text.CommentHint)}</p>");
            body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{Encode(text.Submit)}</button></form>");
            return Document(text, company, text.Title, body.ToString(), nonce);
        });

    public static HtmlPage Thanks(SurveyPageText text, string company, int rating) =>
        new(200, nonce => Document(text, company, text.Thanks, Paragraph(rating switch
        {
            <= 2 => text.NextLow,
            3 => text.NextMiddle,
            _ => text.NextHigh,
        }), nonce));

    public static HtmlPage Answered(SurveyPageText text, string company, int? rating) =>
        new(409, nonce => Document(text, company, text.AnsweredTitle,
            Paragraph(string.Format(CultureInfo.InvariantCulture, text.AnsweredBody, rating?.ToString(CultureInfo.InvariantCulture) ?? "?")), nonce));

    public static HtmlPage Expired(SurveyPageText text, string company) => new(410, nonce => Document(text, company, text.ExpiredTitle, Paragraph(text.ExpiredBody), nonce));

    public static HtmlPage Forged(SurveyPageText text, string company) => new(400, nonce => Document(text, company, text.ForgedTitle, Paragraph(text.ForgedBody), nonce));

    public static HtmlPage NotFound(SurveyPageText text, string company) => new(404, nonce => Document(text, company, text.NotFoundTitle, Paragraph(text.NotFoundBody), nonce));

    private static string Paragraph(string text) => $"<p>{Encode(text)}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Document(SurveyPageText text, string company, string heading, string body, string nonce) =>
        $"""
        <!DOCTYPE html>
        <html lang="{text.Language}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{Encode(heading)} · {Encode(company)}</title>
        <style nonce="{nonce}">{Style}</style>
        </head>
        <body>
        <main>
        <p class="company">{Encode(company)}</p>
        <h1>{Encode(heading)}</h1>
        {body}
        </main>
        </body>
        </html>
        """;

    private const string Style =
        "*{box-sizing:border-box}" +
        "body{margin:0;background:#f3f4f6;color:#111827;font:17px/1.5 system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif}" +
        "main{max-width:480px;margin:0 auto;padding:20px 16px 32px;background:#fff;min-height:100vh}" +
        ".company{margin:0 0 4px;color:#374151;font-size:15px;font-weight:600}" +
        "h1{margin:0 0 12px;font-size:24px;line-height:1.3}" +
        ".ticket{margin:0;color:#374151;font-size:15px}.summary{margin:4px 0 16px;color:#111827}" +
        "fieldset{border:0;margin:0;padding:0}legend{font-size:19px;font-weight:600;margin-bottom:12px;padding:0}" +
        ".scores{display:flex;flex-direction:column;gap:10px}" +
        ".score{position:relative;display:block}" +
        ".score input{position:absolute;opacity:0;width:1px;height:1px}" +
        ".face{display:flex;align-items:center;gap:12px;min-height:56px;padding:10px 16px;border:2px solid #6b7280;border-radius:12px;background:#fff;cursor:pointer}" +
        ".face b{display:inline-flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:50%;background:#e5e7eb;font-size:18px}" +
        ".score input:checked+.face{border-color:#1d4ed8;background:#eff6ff}.score input:checked+.face b{background:#1d4ed8;color:#fff}" +
        ".score input:focus-visible+.face,textarea:focus-visible,button:focus-visible{outline:3px solid #b45309;outline-offset:2px}" +
        ".comment{display:block;margin:20px 0 6px;font-weight:600}" +
        "textarea{width:100%;min-height:96px;padding:10px;border:2px solid #6b7280;border-radius:10px;font:inherit;color:inherit}" +
        ".hint{margin:4px 0 0;color:#374151;font-size:14px}" +
        "button{display:block;width:100%;min-height:52px;margin-top:20px;border:0;border-radius:12px;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}" +
        ".error{margin:0 0 12px;padding:10px 12px;border-radius:10px;background:#fef2f2;color:#991b1b;font-weight:600}";
}
