namespace AfterSales.Core.Email;

/// <summary>One rendered email, ready for a sender. <see cref="TicketId"/> and <see cref="StepKey"/> travel with it (SendGrid custom_args) so a delivery report can be traced.</summary>
public sealed record EmailMessage(string To, string Subject, string Html, string Text, string TicketId, string StepKey);
