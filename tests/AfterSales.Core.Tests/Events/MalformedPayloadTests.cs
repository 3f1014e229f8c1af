using System.Text;
using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class MalformedPayloadTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{ 'eventId': 'e-1' }")]
    [InlineData("{ \"eventId\": \"e-1\", }")]
    public void Text_that_is_not_json_is_bad_json(string payload) =>
        Rejected(Parse(payload), RejectionReason.BadJson, "$");

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("[{ \"type\": \"TicketClosed\" }]", "array")]
    [InlineData("\"TicketClosed\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Json_that_is_not_an_object_is_bad_json(string payload, string kind)
    {
        var rejection = Rejected(Parse(payload), RejectionReason.BadJson, "$");
        Assert.Contains(kind, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_bad_json()
    {
        var json = EventPayloads.TicketOpened().ToJsonString();

        Rejected(Parse(json[..(json.Length / 2)]), RejectionReason.BadJson, "$");
        Rejected(Parse(json[..^1]), RejectionReason.BadJson, "$");
    }

    [Fact]
    public void Content_after_the_object_is_bad_json()
    {
        var json = EventPayloads.Of("TicketClosed").ToJsonString();

        Rejected(Parse(json + " {}"), RejectionReason.BadJson, "$");
    }

    [Fact]
    public void Whitespace_around_the_object_and_a_byte_order_mark_are_accepted()
    {
        var json = "\n  " + EventPayloads.Of("TicketClosed").ToJsonString() + "\r\n";
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        Accepted<TicketClosed>(Parser().Parse(utf8));
    }

    [Fact]
    public void A_missing_type_is_a_missing_field() =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").Without("type")), RejectionReason.MissingField, "type");

    [Fact]
    public void A_null_type_is_a_missing_field() =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("type", null)), RejectionReason.MissingField, "type");

    [Theory]
    [InlineData("TicketMerged")]
    [InlineData("ticketClosed")]
    [InlineData("")]
    public void A_type_outside_the_contract_is_an_unknown_type(string type)
    {
        var rejection = Rejected(Parse(EventPayloads.Of("TicketClosed").With("type", type)), RejectionReason.UnknownType, "type");
        Assert.Contains($"'{type}'", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_that_is_not_a_string_is_an_invalid_value() =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("type", 3)), RejectionReason.InvalidValue, "type");

    [Fact]
    public void An_unknown_type_is_reported_before_its_fields_are_read()
    {
        var payload = EventPayloads.Of("TicketClosed").With("type", "TicketMerged").With("occurredAt", 5);

        Rejected(Parse(payload), RejectionReason.UnknownType, "type");
    }

    [Fact]
    public void Bytes_and_text_give_the_same_result()
    {
        var json = EventPayloads.TicketOpened().ToJsonString();

        Assert.Equal(Parse(json).Event, Parser().Parse(Encoding.UTF8.GetBytes(json)).Event);
    }
}
