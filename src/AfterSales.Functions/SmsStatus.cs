using AfterSales.Azure.Sms;
using AfterSales.Core.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// POST /api/sms/status, anonymous: Twilio's delivery status callback for each text, checked with
/// <c>X-Twilio-Signature</c> over <c>Sms__StatusCallback</c> plus the query the text was sent with (behind a proxy the
/// request's own URL differs). A final report moves the text to <c>delivered</c> or <c>undelivered</c>, once.
/// </summary>
public sealed partial class SmsStatus(TwilioStatusCallbacks callbacks, TwilioSettings settings, TimeProvider time, ILogger<SmsStatus> logger)
{
    [Function(nameof(SmsStatus))]
    public async Task<Results<NoContent, ContentHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/status")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (settings.StatusCallback is not { } callback)
            return TypedResults.Content("Sms__StatusCallback is not set: no text asked for delivery reports", "text/plain; charset=utf-8", statusCode: 403);
        var form = await request.ReadFormAsync(cancellationToken);
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var url = callback.GetLeftPart(UriPartial.Path) + request.QueryString.Value;
        var (outcome, refusal) = await callbacks.HandleAsync(
            url, fields, request.Headers[TwilioSignature.Header].FirstOrDefault(), request.Headers[TwilioWebhookCheck.SettingsHeader].FirstOrDefault(),
            Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (refusal is not null)
        {
            LogRefused(logger, refusal.HttpStatus, refusal.Reason);
            return TypedResults.Content(refusal.Reason, "text/plain; charset=utf-8", statusCode: refusal.HttpStatus);
        }

        LogReported(logger, outcome!.Value);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS status callback refused ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS delivery report: {Outcome}")]
    private static partial void LogReported(ILogger logger, TextDeliveryOutcome outcome);
}
