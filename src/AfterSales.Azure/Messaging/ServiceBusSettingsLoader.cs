using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Messaging;

/// <summary>
/// Reads the Service Bus connection as the Functions host reads a binding's connection: <c>ServiceBusConnection</c>
/// as a connection string, or <c>ServiceBusConnection__fullyQualifiedNamespace</c> for managed identity (exactly one).
/// Never quotes a connection string: it holds a key.
/// </summary>
public static class ServiceBusSettingsLoader
{
    /// <exception cref="SettingsValidationException">Lists every bad key.</exception>
    public static ServiceBusSettings Load(IConfiguration configuration)
    {
        var errors = new List<SettingsError>();
        var connection = configuration.GetSection(ServiceBusSettings.ConnectionKey);
        var connectionString = string.IsNullOrWhiteSpace(connection.Value) ? null : connection.Value;
        var fullyQualifiedNamespace = NonEmpty(connection["fullyQualifiedNamespace"]);

        if (connectionString is null && fullyQualifiedNamespace is null)
        {
            errors.Add(new SettingsError(ServiceBusSettings.NamespaceKey,
                $"not set: set it to <namespace>.servicebus.windows.net (managed identity), or {ServiceBusSettings.ConnectionKey} to a connection string"));
        }
        else if (connectionString is not null && fullyQualifiedNamespace is not null)
        {
            errors.Add(new SettingsError(ServiceBusSettings.NamespaceKey, $"set together with {ServiceBusSettings.ConnectionKey}: set only one of them"));
        }
        else if (connectionString is not null && !connectionString.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new SettingsError(ServiceBusSettings.ConnectionKey, "is not a Service Bus connection string (expected Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…)"));
        }
        else if (fullyQualifiedNamespace is not null && Uri.CheckHostName(fullyQualifiedNamespace) != UriHostNameType.Dns)
        {
            errors.Add(new SettingsError(ServiceBusSettings.NamespaceKey, $"'{fullyQualifiedNamespace}' is not a host name (such as mynamespace.servicebus.windows.net)"));
        }

        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new ServiceBusSettings(connectionString, fullyQualifiedNamespace);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
