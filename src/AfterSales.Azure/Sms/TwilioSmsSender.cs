using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace AfterSales.Azure.Sms;

/// <summary>
/// Sends texts through Twilio's REST API (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form fields
/// To, From or MessagingServiceSid, Body, StatusCallback; basic auth with the account sid and auth token), since the
/// Twilio package adds nothing we need for one POST. 429 and 5xx answers are retried (Retry-After honoured) by a resilience handler;
/// an attempt that times out is not retried, because Twilio may have taken it and a text must not go twice.
/// Results never carry the full phone number.
/// </summary>
public sealed class TwilioSmsSender : ISmsSender
{
    private readonly HttpClient http;
    private readonly TwilioSettings settings;

    /// <param name="http">A client whose handler chain retries as <see cref="CreateHandler"/> does.</param>
    public TwilioSmsSender(HttpClient http, TwilioSettings settings)
    {
        this.http = http;
        this.settings = settings;
    }

    /// <summary>A sender with its own HTTP client and resilience handler.</summary>
    public static TwilioSmsSender Create(TwilioSettings settings, TimeProvider? time = null) =>
        new(new HttpClient(CreateHandler(settings, new SocketsHttpHandler(), time)) { Timeout = Timeout.InfiniteTimeSpan }, settings);

    /// <summary>Retries 429 and 5xx (at most <see cref="TwilioSettings.MaxRetries"/>, honouring Retry-After up to <see cref="TwilioSettings.MaxRetryAfter"/>), each attempt limited to <see cref="TwilioSettings.Timeout"/>.</summary>
    public static DelegatingHandler CreateHandler(TwilioSettings settings, HttpMessageHandler inner, TimeProvider? time = null)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
            Delay = settings.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                settings.MaxRetries > 0
                && args.Outcome.Result is { } response
                && IsTemporary(response.StatusCode)
                && !(RetryAfterOf(response) > settings.MaxRetryAfter)),
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(retry).AddTimeout(settings.Timeout);
        if (time is not null) builder.TimeProvider = time;
        return new ResilienceHandler(builder.Build()) { InnerHandler = inner };
    }

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBase, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(Fields(message)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return new SmsSendResult(SmsOutcome.Unknown, ErrorMessage: $"Twilio did not answer within {settings.Timeout.TotalSeconds:0.#} s: the text to {CustomerPhones.Mask(message.To)} may or may not have been taken");
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return new SmsSendResult(SmsOutcome.TryLater, ErrorMessage: $"Twilio could not be reached ({e.HttpRequestError})");
        }
        catch (HttpRequestException e)
        {
            return new SmsSendResult(SmsOutcome.Unknown, ErrorMessage: $"the connection to Twilio failed mid-request ({e.HttpRequestError}): the text may or may not have been taken");
        }

        using (response)
        {
            return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<KeyValuePair<string, string>> Fields(SmsMessage message)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", message.To) };
        fields.Add(settings.MessagingServiceSid is { } service ? new("MessagingServiceSid", service) : new("From", settings.From!));
        fields.Add(new("Body", message.Body));
        if ((message.StatusCallback ?? settings.StatusCallback) is { } callback)
            fields.Add(new("StatusCallback", TwilioStatusCallbackUrl.For(callback, message.Reference)));
        return fields;
    }

    private static async Task<SmsSendResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = TryParse(body);
        if (response.IsSuccessStatusCode)
        {
            var sid = Text(json, "sid");
            return sid is null
                ? new SmsSendResult(SmsOutcome.Unknown, HttpStatus: status, ErrorMessage: "Twilio answered success without a message sid")
                : new SmsSendResult(SmsOutcome.Accepted, sid, Text(json, "status"), status);
        }

        var code = Text(json, "code");
        var error = Text(json, "message") ?? $"HTTP {status} {response.ReasonPhrase}";
        var moreInfo = Text(json, "more_info");
        if (IsTemporary(response.StatusCode))
            return new SmsSendResult(SmsOutcome.TryLater, null, null, status, code, error, moreInfo, RetryAfter: RetryAfterOf(response));
        return new SmsSendResult(SmsOutcome.Rejected, null, null, status, code, error, moreInfo, TwilioErrorCodes.Classify(code));
    }

    private static bool IsTemporary(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static JsonElement? TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string or number property as text (Twilio's error code is a number).</summary>
    private static string? Text(JsonElement? json, string name) =>
        json is { } root && root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
