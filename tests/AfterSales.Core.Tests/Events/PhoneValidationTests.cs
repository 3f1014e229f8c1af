using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class PhoneValidationTests
{
    [Theory]
    [InlineData("+8613800138000")]
    [InlineData("+8613912345678")]
    [InlineData("+862161234567")]
    [InlineData("+85291234567")]
    [InlineData("+14155552671")]
    public void An_e164_number_is_accepted_as_written(string phone)
    {
        var opened = Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("customer.phone", phone)));

        Assert.Equal(phone, opened.Customer.Phone);
    }

    [Theory]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+86-138-0013-8000")]
    [InlineData("+86 (138) 00138000")]
    public void A_valid_number_with_separators_is_rejected_with_its_e164_spelling(string phone)
    {
        var rejection = Rejected(
            Parse(EventPayloads.TicketOpened().With("customer.phone", phone)), RejectionReason.InvalidPhone, "customer.phone");

        Assert.Equal($"customer.phone '{phone}' is not an E.164 phone number (write it as +8613800138000)", rejection.Message);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("008613800138000")]
    [InlineData("+86 138")]
    [InlineData("+8612345")]
    [InlineData("+861380013800")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData("tel:+8613800138000")]
    [InlineData("+86138001380000000000")]
    public void A_number_that_is_not_e164_is_an_invalid_phone(string phone) =>
        Rejected(Parse(EventPayloads.TicketOpened().With("customer.phone", phone)), RejectionReason.InvalidPhone, "customer.phone");

    [Fact]
    public void Delivery_customers_are_checked_the_same_way() =>
        Rejected(Parse(EventPayloads.Of("ProductDelivered").With("customer.phone", "13800138000")),
            RejectionReason.InvalidPhone, "customer.phone");
}
