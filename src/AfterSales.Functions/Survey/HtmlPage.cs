using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AfterSales.Functions.Survey;

/// <summary>
/// A whole HTML page as an endpoint's answer: its honest status code, a strict Content-Security-Policy (nothing loads
/// from anywhere; the one inline style block runs by its nonce; the form posts only to this site) and no caching.
/// </summary>
public sealed class HtmlPage(int statusCode, Func<string, string> render) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => statusCode;

    public string ContentType => "text/html; charset=utf-8";

    /// <summary>The page as it is rendered with <paramref name="nonce"/> (tests read it without a request).</summary>
    public string Render(string nonce) => render(nonce);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers["Content-Security-Policy"] =
            $"default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.WriteAsync(render(nonce), Encoding.UTF8, httpContext.RequestAborted);
    }
}
