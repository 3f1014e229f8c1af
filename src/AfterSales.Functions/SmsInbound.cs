using AfterSales.Azure.Sms;
using AfterSales.Core.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// POST /api/sms/inbound, anonymous: Twilio's webhook for customer replies, checked with <c>X-Twilio-Signature</c>
/// over <c>%SmsInboundUrl%</c> (the full public URL Twilio calls; behind a proxy the request's own URL differs). A rating's
/// follow-up becomes an outbox row that <c>OutboxRecovery</c> sends.
/// </summary>
public sealed partial class SmsInbound(TwilioInbound inbound, RatingFollowUps followUps, IConfiguration configuration, TimeProvider time, ILogger<SmsInbound> logger)
{
    [Function(nameof(SmsInbound))]
    public async Task<ContentHttpResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/inbound")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var url = configuration["SmsInboundUrl"] + request.QueryString.Value;
        var (result, refusal) = await inbound.HandleAsync(
            url, fields, request.Headers[TwilioSignature.Header].FirstOrDefault(), Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken,
            request.Headers[TwilioWebhookCheck.SettingsHeader].FirstOrDefault());
        if (refusal is not null)
        {
            LogRefused(logger, refusal.HttpStatus, refusal.Reason);
            return TypedResults.Content(refusal.Reason, "text/plain; charset=utf-8", statusCode: refusal.HttpStatus);
        }

        if (result!.Rating is { } rated) await followUps.ApplyAsync(rated, cancellationToken);
        LogReplied(logger, result.Outcome);
        return TypedResults.Content("<Response/>", "application/xml");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS webhook refused ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS reply: {Outcome}")]
    private static partial void LogReplied(ILogger logger, InboundOutcome outcome);
}
