namespace AfterSales.Core.Notifications;

/// <summary>How a notification reaches its recipient; each channel has its own sender.</summary>
public enum NotificationChannel
{
    /// <summary>Escalation emails to managers (SendGrid, or .eml files in Pickup mode).</summary>
    Email,
    /// <summary>Texts to customers (Twilio), falling back to the customer's email when the number cannot take texts.</summary>
    Sms,
}
