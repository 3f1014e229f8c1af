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

        Assert.Equal("customer.phone '+86*********00' is not an E.164 phone number (a valid number with separators: write it as + and the digits only)", rejection.Message);
    }

    [Theory]
    [InlineData("13912345678")]
    [InlineData("+86 139 1234 5678")]
    [InlineData("+86139123456")]
    [InlineData("tel:+8613912345678")]
    public void A_rejection_never_quotes_the_number_in_full(string phone)
    {
        var rejection = Rejected(
            Parse(EventPayloads.TicketOpened().With("customer.phone", phone)), RejectionReason.InvalidPhone, "customer.phone");

        Assert.DoesNotContain("12345", rejection.Message.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(phone, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_sent_as_a_json_number_is_not_quoted_in_full_either()
    {
        var rejection = Rejected(
            Parse(EventPayloads.TicketOpened().With("customer.phone", 8613800138000)), RejectionReason.InvalidValue, "customer.phone");

        Assert.DoesNotContain("8613800138000", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("*********00", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_event_whose_number_todays_rules_refuse_still_reads()
    {
        var stored = EventPayloads.TicketOpened().With("customer.phone", "+861380013800").ToJsonString();

        Assert.False(Parse(EventPayloads.TicketOpened().With("customer.phone", "+861380013800")).IsAccepted);
        var read = TicketEventParser.ForStoredEvents().Parse(stored);
        Assert.Equal("+861380013800", Assert.IsType<TicketOpened>(read.Event).Customer.Phone);
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
