using AfterSales.Core.Application;

namespace AfterSales.Core.Email;

/// <summary>Sends one email (SendGrid, or a pickup folder). Retries what is worth retrying itself; never throws for a provider's answer.</summary>
public interface IEmailSender
{
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
