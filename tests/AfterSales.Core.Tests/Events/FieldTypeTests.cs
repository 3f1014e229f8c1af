using System.Text.Json.Nodes;
using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

/// <summary>A well-formed payload whose field holds the wrong JSON type is an InvalidValue naming that field.</summary>
public sealed class FieldTypeTests
{
    [Fact]
    public void A_number_where_a_string_belongs_is_an_invalid_value_naming_the_field()
    {
        var rejection = Rejected(
            Parse(EventPayloads.TicketOpened().With("customer.name", 42)), RejectionReason.InvalidValue, "customer.name");

        Assert.Equal("customer.name 42 is not a JSON string", rejection.Message);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("ticketId")]
    [InlineData("summary")]
    [InlineData("priority")]
    [InlineData("owner.id")]
    public void A_number_in_any_string_field_is_an_invalid_value(string field) =>
        Rejected(Parse(EventPayloads.TicketOpened().With(field, 7)), RejectionReason.InvalidValue, field);

    [Fact]
    public void A_string_where_an_object_belongs_is_an_invalid_value() =>
        Rejected(Parse(EventPayloads.TicketOpened().With("owner", "李娜")), RejectionReason.InvalidValue, "owner");

    [Fact]
    public void An_array_where_a_string_belongs_is_an_invalid_value() =>
        Rejected(Parse(EventPayloads.TicketOpened().With("team", new JsonArray("a", "b"))), RejectionReason.InvalidValue, "team");

    [Fact]
    public void A_boolean_where_a_time_belongs_is_an_invalid_value() =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", true)), RejectionReason.InvalidValue, "occurredAt");

    [Fact]
    public void A_unix_timestamp_is_an_invalid_value() =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", 1791508320)), RejectionReason.InvalidValue, "occurredAt");

    [Fact]
    public void Unknown_properties_are_ignored()
    {
        var payload = EventPayloads.TicketOpened()
            .With("source", "crm")
            .With("customer.vipLevel", 3)
            .With("extra", new JsonObject { ["nested"] = new JsonArray(1, 2) });

        Assert.Equal(Parse(EventPayloads.TicketOpened()).Event, Accepted<TicketOpened>(Parse(payload)));
    }

    [Fact]
    public void A_field_of_another_event_type_is_ignored_whatever_its_json_type()
    {
        var payload = EventPayloads.Of("TicketClosed").With("status", 5).With("customer", "none");

        Accepted<TicketClosed>(Parse(payload));
    }
}
