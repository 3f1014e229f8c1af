using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Functions.Tests.Support;

/// <summary>What an endpoint's result writes to a real HTTP response: status, media type and body.</summary>
internal sealed record HttpAnswer(int StatusCode, string ContentType, string Body)
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string ProblemType = "application/problem+json";

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;

    public static async Task<HttpAnswer> OfAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return new HttpAnswer(context.Response.StatusCode, context.Response.ContentType ?? "", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}

internal static class HttpAnswers
{
    public static async Task<HttpAnswer> AnswerAsync<TResult>(this Task<TResult> result) where TResult : IResult =>
        await HttpAnswer.OfAsync(await result);

    public static Task<HttpAnswer> AnswerAsync(this IResult result) => HttpAnswer.OfAsync(result);

    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    /// <summary>An HTTP endpoint of the Functions app over the composed services.</summary>
    public static T Endpoint<T>(this ComposedService service) => ActivatorUtilities.CreateInstance<T>(service.Services);
}
