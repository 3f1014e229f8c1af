using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port standing in for Twilio's Messages endpoint: answers the queued
/// responses in order (the last one repeats) and records every request it received.
/// </summary>
public sealed class FakeTwilio : IDisposable
{
    private readonly ConcurrentQueue<Answer> answers = new();
    private readonly CancellationTokenSource stop = new();
    private readonly LocalHttpServer server;
    private Answer last = new(201, "{}", null, TimeSpan.Zero);

    public FakeTwilio() => server = new LocalHttpServer(AnswerAsync);

    public int Port => server.Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Answer(int Status, string Body, string? RetryAfter, TimeSpan Delay);

    public sealed record Received(string Method, string Path, string? Authorization, string ContentType, string Body, DateTimeOffset At)
    {
        public Dictionary<string, string> Form =>
            Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));
    }

    public FakeTwilio Then(int status, string body = "{}", string? retryAfter = null, TimeSpan? delay = null)
    {
        answers.Enqueue(new Answer(status, body, retryAfter, delay ?? TimeSpan.Zero));
        return this;
    }

    /// <summary>A port nothing listens on (for connection-refused tests).</summary>
    public static int FreePort() => LocalHttpServer.FreePort();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            context.Request.Headers["Authorization"], context.Request.ContentType ?? "", body, DateTimeOffset.UtcNow));
        var answer = answers.TryDequeue(out var next) ? last = next : last;
        try
        {
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, stop.Token);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            if (answer.RetryAfter is { } retryAfter) context.Response.Headers["Retry-After"] = retryAfter;
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            await context.Response.OutputStream.WriteAsync(bytes, stop.Token);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up (timeout test) or the server is stopping.
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        server.Dispose();
        stop.Dispose();
    }
}
