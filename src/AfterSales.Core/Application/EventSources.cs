namespace AfterSales.Core.Application;

/// <summary>Where a ticket event came in, as kept with a rejected event.</summary>
public static class EventSources
{
    public const string ServiceBus = "service-bus";
    public const string Http = "http";
}
