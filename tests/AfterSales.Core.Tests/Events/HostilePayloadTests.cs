using System.Text;
using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

/// <summary>Whatever arrives, the parser answers with a rejection instead of throwing.</summary>
public sealed class HostilePayloadTests
{
    [Theory]
    [InlineData("type")]
    [InlineData("summary")]
    [InlineData("customer.name")]
    public void Invalid_utf8_in_a_string_is_bad_json(string field)
    {
        var json = EventPayloads.TicketOpened().With(field, "MARK").ToJsonString();
        var utf8 = Encoding.UTF8.GetBytes(json);
        var mark = Encoding.UTF8.GetBytes("MARK");
        var at = utf8.AsSpan().IndexOf(mark);
        utf8[at] = 0xFF;

        Rejected(Parser().Parse(utf8), RejectionReason.BadJson, "$");
    }

    [Theory]
    [InlineData("type")]
    [InlineData("summary")]
    [InlineData("customer.name")]
    public void A_lone_surrogate_escape_in_a_string_is_bad_json(string field)
    {
        var json = EventPayloads.TicketOpened().With(field, "MARK").ToJsonString().Replace("MARK", "\\ud800", StringComparison.Ordinal);

        Rejected(Parse(json), RejectionReason.BadJson, "$");
    }

    [Fact]
    public void Escaped_characters_read_like_plain_ones()
    {
        const string json = """
            { "\u0074ype": "TicketClosed", "eventId": "e-\u5F20", "ticketId": "T-张", "occurredAt": "2026-10-09T09:12:00+08:00" }
            """;

        var closed = Accepted<TicketClosed>(Parse(json));

        Assert.Equal(("e-张", "T-张"), (closed.EventId, closed.TicketId));
    }

    [Fact]
    public void Deeply_nested_json_is_bad_json()
    {
        var json = "{\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Rejected(Parse(json), RejectionReason.BadJson, "$");
    }

    [Fact]
    public void A_very_long_value_is_shortened_in_the_message()
    {
        var rejection = Rejected(
            Parse(EventPayloads.TicketOpened().With("channel", new string('x', 10_000))), RejectionReason.InvalidValue, "channel");

        Assert.True(rejection.Message.Length < 200, rejection.Message);
    }
}
