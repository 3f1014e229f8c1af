using AfterSales.Core.Events;

namespace AfterSales.Core.Application;

/// <summary>Delivered products and handed-over installations, kept for the revisit programme.</summary>
public interface IDeliveries
{
    /// <returns>False when this event was stored before.</returns>
    Task<bool> AddAsync(DeliveryEvent delivery, CancellationToken cancellationToken);
}
