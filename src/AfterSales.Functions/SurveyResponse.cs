using AfterSales.Functions.Survey;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions;

/// <summary>
/// GET /api/s/{token}: the survey page of the signed link in a customer's text; POST: the rating (and an optional
/// comment) from that page's form. Anonymous: the token is the check. The short path keeps a survey text within two
/// SMS segments. Every answer is a page a person understands, with an honest status code (docs/http.md).
/// </summary>
public sealed class SurveyResponse(SurveyPageEndpoint endpoint)
{
    [Function(nameof(SurveyResponse))]
    public async Task<HtmlPage> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "s/{token?}")] HttpRequest request,
        string? token,
        CancellationToken cancellationToken)
    {
        token = string.IsNullOrEmpty(token) ? request.Query["token"] : token;
        string? language = request.Headers.AcceptLanguage;
        if (!HttpMethods.IsPost(request.Method)) return await endpoint.ShowAsync(token, language, cancellationToken);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        return await endpoint.AnswerAsync(token, form["rating"], form["comment"], language, cancellationToken);
    }
}
