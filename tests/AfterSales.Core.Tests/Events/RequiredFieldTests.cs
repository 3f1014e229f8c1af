using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class RequiredFieldTests
{
    public static TheoryData<string, string> RequiredFields() => new()
    {
        { "TicketOpened", "eventId" },
        { "TicketOpened", "ticketId" },
        { "TicketOpened", "occurredAt" },
        { "TicketOpened", "customer" },
        { "TicketOpened", "customer.id" },
        { "TicketOpened", "customer.name" },
        { "TicketOpened", "channel" },
        { "TicketOpened", "category" },
        { "TicketOpened", "priority" },
        { "TicketOpened", "team" },
        { "TicketOpened", "owner" },
        { "TicketOpened", "owner.id" },
        { "TicketOpened", "owner.name" },
        { "TicketOpened", "summary" },
        { "TicketAssigned", "owner" },
        { "TicketAssigned", "owner.name" },
        { "CustomerReplied", "ticketId" },
        { "StatusChanged", "status" },
        { "CommitmentMade", "dueBy" },
        { "AppointmentScheduled", "appointmentId" },
        { "AppointmentScheduled", "visitAt" },
        { "AppointmentCancelled", "appointmentId" },
        { "TicketClosed", "occurredAt" },
        { "PriorityChanged", "priority" },
        { "ProductDelivered", "eventId" },
        { "ProductDelivered", "customer" },
        { "ProductDelivered", "customer.name" },
        { "ProductDelivered", "installationId" },
        { "InstallationHandedOver", "installationId" },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void An_absent_required_field_is_a_missing_field(string type, string field)
    {
        var rejection = Rejected(Parse(EventPayloads.Of(type).Without(field)), RejectionReason.MissingField, field);

        Assert.Equal($"{field} is missing; {type} requires it", rejection.Message);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void A_null_required_field_is_a_missing_field(string type, string field) =>
        Rejected(Parse(EventPayloads.Of(type).With(field, null)), RejectionReason.MissingField, field);

    [Theory]
    [InlineData("TicketOpened", "eventId")]
    [InlineData("TicketOpened", "ticketId")]
    [InlineData("TicketOpened", "customer.id")]
    [InlineData("TicketOpened", "owner.id")]
    [InlineData("TicketOpened", "team")]
    [InlineData("TicketOpened", "summary")]
    [InlineData("AppointmentCancelled", "appointmentId")]
    [InlineData("ProductDelivered", "installationId")]
    public void An_empty_id_or_required_text_is_an_invalid_value(string type, string field)
    {
        Rejected(Parse(EventPayloads.Of(type).With(field, "")), RejectionReason.InvalidValue, field);
        Rejected(Parse(EventPayloads.Of(type).With(field, "  ")), RejectionReason.InvalidValue, field);
    }

    [Fact]
    public void Delivery_events_need_no_ticket_id()
    {
        var delivered = Accepted<ProductDelivered>(Parse(EventPayloads.Of("ProductDelivered")));

        Assert.Null(delivered.TicketId);
    }

    [Theory]
    [InlineData("ProductDelivered")]
    [InlineData("InstallationHandedOver")]
    public void A_delivery_ticket_id_that_is_present_must_not_be_empty(string type) =>
        Rejected(Parse(EventPayloads.Of(type).With("ticketId", "")), RejectionReason.InvalidValue, "ticketId");

    [Fact]
    public void The_first_problem_in_contract_order_is_reported()
    {
        var payload = EventPayloads.TicketOpened().Without("summary").With("customer.phone", "12345").Without("eventId");

        Rejected(Parse(payload), RejectionReason.MissingField, "eventId");
        Rejected(Parse(payload.With("eventId", "e-1")), RejectionReason.InvalidPhone, "customer.phone");
    }
}
