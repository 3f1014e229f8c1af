namespace AfterSales.Azure.Messaging;

/// <summary>
/// Where the sweep sends notification messages: the Service Bus namespace (the same <c>ServiceBusConnection</c> the
/// Service Bus triggers use) and the <c>NotificationsQueue</c>.
/// </summary>
/// <param name="ConnectionString">A connection string (the local emulator); exclusive with <paramref name="FullyQualifiedNamespace"/>.</param>
/// <param name="FullyQualifiedNamespace"><c>&lt;namespace&gt;.servicebus.windows.net</c>, reached with managed identity.</param>
/// <param name="NotificationsQueue">The queue the <c>Notifications</c> function reads.</param>
public sealed record ServiceBusSettings(string? ConnectionString, string? FullyQualifiedNamespace, string NotificationsQueue)
{
    public const string ConnectionKey = "ServiceBusConnection";
    public const string NamespaceKey = "ServiceBusConnection__fullyQualifiedNamespace";
    public const string NotificationsQueueKey = "NotificationsQueue";
}
