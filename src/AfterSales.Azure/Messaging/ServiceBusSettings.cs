namespace AfterSales.Azure.Messaging;

/// <summary>
/// The Service Bus namespace the sweep sends notification messages to: the same <c>ServiceBusConnection</c> the Service
/// Bus triggers use. The queue is the host setting <c>NotificationsQueue</c>.
/// </summary>
/// <param name="ConnectionString">A connection string (the local emulator); exclusive with <paramref name="FullyQualifiedNamespace"/>.</param>
/// <param name="FullyQualifiedNamespace"><c>&lt;namespace&gt;.servicebus.windows.net</c>, reached with managed identity.</param>
public sealed record ServiceBusSettings(string? ConnectionString, string? FullyQualifiedNamespace)
{
    public const string ConnectionKey = "ServiceBusConnection";
    public const string NamespaceKey = "ServiceBusConnection__fullyQualifiedNamespace";
}
