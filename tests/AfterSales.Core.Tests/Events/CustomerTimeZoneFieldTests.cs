using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class CustomerTimeZoneFieldTests
{
    [Fact]
    public void A_customer_time_zone_is_read_when_present()
    {
        var opened = Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("customer.timeZone", "Europe/Berlin")));

        Assert.Equal("Europe/Berlin", opened.Customer.TimeZone);
    }

    [Fact]
    public void Without_a_customer_time_zone_the_setting_applies()
    {
        Assert.Null(Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened())).Customer.TimeZone);
    }

    [Fact]
    public void A_customer_time_zone_that_is_not_an_iana_zone_is_rejected_naming_the_field()
    {
        var rejection = Rejected(Parse(EventPayloads.TicketOpened().With("customer.timeZone", "CET+1")), RejectionReason.InvalidValue, "customer.timeZone");

        Assert.Contains("IANA time zone", rejection.Message, StringComparison.Ordinal);
    }
}
