using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// A local HTTP server standing in for SendGrid's v3 <c>POST /v3/mail/send</c>, on 127.0.0.1 and a free port. It
/// records every request (raw JSON body and headers) and answers from a script of replies, then with 202 and an
/// <c>X-Message-Id</c>. The real SendGrid SDK is pointed at it with <c>SendGridClientOptions.Host</c>.
/// </summary>
internal sealed class FakeSendGrid : IDisposable
{
    private readonly ConcurrentQueue<Reply> script = new();
    private readonly LocalHttpServer server;
    private int accepted;

    public FakeSendGrid() => server = new LocalHttpServer(AnswerAsync);

    public int Port => server.Port;

    public Uri Host => new($"http://127.0.0.1:{Port}");

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Requests answered 2xx: emails SendGrid would deliver.</summary>
    public IReadOnlyList<Request> Delivered => [.. Requests.Where(r => r.Delivered)];

    public void Then(Reply reply) => script.Enqueue(reply);

    /// <summary>While set, every request gets this status (an outage), whatever is scripted.</summary>
    public HttpStatusCode? DownWith { get; set; }

    public void Dispose() => server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var reply = DownWith is { } down ? Reply.With(down, "outage") : script.TryDequeue(out var scripted) ? scripted : Reply.Accepted();
        var request = new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body,
            (int)reply.Status is >= 200 and < 300 && !reply.Drop && reply.Delay == TimeSpan.Zero);
        Requests.Enqueue(request);

        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay);
        if (reply.Drop)
        {
            // The connection breaks in the middle of the answer: headers promise a body that never fully comes.
            context.Response.StatusCode = (int)HttpStatusCode.Accepted;
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync("{"u8.ToArray());
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = (int)reply.Status;
        if ((int)reply.Status is >= 200 and < 300) response.Headers["X-Message-Id"] = $"msg-{Interlocked.Increment(ref accepted)}";
        foreach (var (name, value) in reply.Headers) response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        response.ContentType = "application/json";
        try
        {
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (HttpListenerException)
        {
            // The client gave up (timeout) before the answer.
        }
    }

    public sealed record Request(string Method, string Path, string? Authorization, string Body, bool Delivered)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string To => Json.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;

        public string Subject => Json.GetProperty("personalizations")[0].GetProperty("subject").GetString()!;

        public string CustomArg(string name) => Json.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty(name).GetString()!;

        public string Content(string type) =>
            Json.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;
    }

    public sealed record Reply(HttpStatusCode Status, string Body, IReadOnlyList<(string Name, string Value)> Headers, TimeSpan Delay, bool Drop)
    {
        public static Reply Accepted() => new(HttpStatusCode.Accepted, "", [], TimeSpan.Zero, false);

        public static Reply With(HttpStatusCode status, string body = "", params (string, string)[] headers) => new(status, body, headers, TimeSpan.Zero, false);

        public static Reply Slow(TimeSpan delay) => new(HttpStatusCode.Accepted, "", [], delay, false);

        public static Reply Dropped() => new(HttpStatusCode.OK, "", [], TimeSpan.Zero, true);
    }
}
