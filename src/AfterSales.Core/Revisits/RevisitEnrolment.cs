using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>
/// Keeps each delivery (<see cref="IDeliveries"/>) and enrols its installation in the revisit programme, anchored
/// to the delivery's local date in the customer's time zone (their own when the event carries one, else the setting). Enrols also when the delivery was stored before, so a
/// redelivered event after a crash between the two writes still enrols; enrolling twice changes nothing.
/// </summary>
public sealed class RevisitEnrolment(IDeliveries deliveries, IRevisitProgrammes programmes, DateTimeZone customerTimeZone) : IDeliveries
{
    public async Task<bool> AddAsync(DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var added = await deliveries.AddAsync(delivery, cancellationToken).ConfigureAwait(false);
        await programmes.EnrolAsync(ProgrammeOf(delivery, customerTimeZone), cancellationToken).ConfigureAwait(false);
        return added;
    }

    public static RevisitProgramme ProgrammeOf(DeliveryEvent delivery, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var customer = delivery.Customer;
        return new RevisitProgramme(
            delivery.InstallationId, customer.Id, customer.Name, customer.Phone, customer.Email, customer.Locale,
            delivery.OccurredAt.InZone(CustomerZones.Of(customer.TimeZone, zone)).Date, delivery.ContractEndsOn, delivery.EventId,
            TimeZone: customer.TimeZone);
    }
}
