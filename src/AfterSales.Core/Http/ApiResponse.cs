using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Core.Http;

/// <summary>
/// What an HTTP handler answers, independent of the host: a status code and a JSON body with its media type
/// (<c>application/json</c>, or <c>application/problem+json</c> for RFC 7807 problem details).
/// </summary>
public sealed record ApiResponse(int StatusCode, string ContentType, string Body)
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string ProblemType = "application/problem+json; charset=utf-8";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ApiResponse Json(int statusCode, JsonObject body) => new(statusCode, JsonType, body.ToJsonString(Indented));

    public static ApiResponse Problem(Problem problem) => new(problem.Status, ProblemType, problem.ToJson().ToJsonString(Indented));
}
