namespace AfterSales.Core.Notifications;

/// <summary>How a notification reaches its recipient; each channel has its own sender.</summary>
public enum NotificationChannel
{
    /// <summary>Escalation emails to managers (SendGrid, or .eml files in Pickup mode).</summary>
    Email,
}
