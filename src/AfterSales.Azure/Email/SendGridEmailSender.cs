using System.Net;
using AfterSales.Core.Application;
using AfterSales.Core.Email;
using AfterSales.Core.Settings;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace AfterSales.Azure.Email;

/// <summary>
/// Sends an email through SendGrid's v3 <c>mail/send</c> with the official SDK. One call is one attempt of up to
/// <see cref="EmailSettings.MaxAttempts"/> requests: 429 and 5xx answers, timeouts (<see cref="EmailSettings.SendTimeout"/>)
/// and dropped connections are retried with backoff (Retry-After when SendGrid gives one, else doubling from
/// <see cref="EmailSettings.RetryDelay"/>); any other 4xx is permanent. Custom args carry the ticket id and step key.
/// </summary>
public sealed class SendGridEmailSender : IEmailSender
{
    private readonly SendGridClient client;
    private readonly EmailSettings settings;
    private readonly TimeProvider time;

    /// <param name="host">SendGrid's API base (https://api.sendgrid.com when null); tests point it at a local server.</param>
    public SendGridEmailSender(HttpClient http, EmailSettings settings, TimeProvider time, Uri? host = null)
    {
        var apiKey = settings.ApiKey ?? throw new ArgumentException("Email__SendGrid__ApiKey is not set.", nameof(settings));
        var options = new SendGridClientOptions { ApiKey = apiKey };
        if (host is not null) options.Host = host.AbsoluteUri.TrimEnd('/');
        client = new SendGridClient(http, options);
        this.settings = settings;
        this.time = time;
    }

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = Mail(message);
        string lastError = "";
        for (var request = 1; request <= settings.MaxAttempts; request++)
        {
            TimeSpan? retryAfter = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.SendTimeout.ToTimeSpan());
            try
            {
                var response = await client.SendEmailAsync(mail, timeout.Token).ConfigureAwait(false);
                var status = response.StatusCode;
                if ((int)status is >= 200 and < 300) return SendResult.Success(MessageId(response) ?? $"sendgrid-{(int)status}", request);

                var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                lastError = SendGridErrorText.Of(status, body);
                if (!IsTransient(status)) return SendResult.Failure(lastError, request);
                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = $"no answer from SendGrid within {settings.SendTimeout.ToTimeSpan().TotalSeconds:0.###} s (Email__SendTimeout)";
            }
            catch (HttpRequestException e)
            {
                lastError = $"connection to SendGrid failed: {e.Message}";
            }

            if (request == settings.MaxAttempts) break;
            var delay = retryAfter ?? Backoff(request);
            if (delay > settings.MaxRetryDelay.ToTimeSpan())
                return SendResult.TransientFailure($"{lastError} (SendGrid asked to wait {delay.TotalSeconds:0} s, longer than Email__MaxRetryDelay)", request);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        return SendResult.TransientFailure($"gave up after {settings.MaxAttempts} requests: {lastError}", settings.MaxAttempts);
    }

    private SendGridMessage Mail(EmailMessage message)
    {
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(settings.From, settings.FromName), new EmailAddress(message.To), message.Subject, message.Text, message.Html);
        if (message.TicketId.Length > 0) mail.AddCustomArg("ticketId", message.TicketId);
        mail.AddCustomArg("stepKey", message.StepKey);
        return mail;
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Backoff(int request) => settings.RetryDelay.ToTimeSpan() * Math.Pow(2, request - 1);

    private TimeSpan? RetryAfter(Response response)
    {
        var header = response.Headers?.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero;
        return null;
    }

    private static string? MessageId(Response response) =>
        response.Headers is { } headers && headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
}
