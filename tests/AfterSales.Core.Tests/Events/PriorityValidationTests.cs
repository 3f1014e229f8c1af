using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class PriorityValidationTests
{
    [Theory]
    [InlineData("P1")]
    [InlineData("P4")]
    [InlineData("VIP")]
    public void A_configured_priority_is_accepted(string priority)
    {
        Assert.Equal(priority, Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("priority", priority))).Priority);
        Assert.Equal(priority, Accepted<PriorityChanged>(Parse(EventPayloads.Of("PriorityChanged").With("priority", priority))).Priority);
    }

    [Theory]
    [InlineData("TicketOpened", "P5")]
    [InlineData("TicketOpened", "p1")]
    [InlineData("PriorityChanged", "urgent")]
    [InlineData("PriorityChanged", "vip")]
    public void A_priority_that_is_not_configured_is_an_unknown_priority(string type, string priority)
    {
        var rejection = Rejected(Parse(EventPayloads.Of(type).With("priority", priority)), RejectionReason.UnknownPriority, "priority");

        Assert.Equal($"priority '{priority}' is not a configured priority (known: P1, P2, P3, P4, VIP)", rejection.Message);
    }

    [Fact]
    public void Known_priorities_come_from_the_parser_settings()
    {
        var parser = new TicketEventParser(new HashSet<string> { "Gold" }, time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));

        Accepted<PriorityChanged>(parser.Parse(EventPayloads.Of("PriorityChanged").With("priority", "Gold").ToJsonString()));
        Rejected(parser.Parse(EventPayloads.Of("PriorityChanged").ToJsonString()), RejectionReason.UnknownPriority, "priority");
    }
}
