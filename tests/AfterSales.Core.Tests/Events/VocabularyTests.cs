using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("phone", TicketChannel.Phone)]
    [InlineData("email", TicketChannel.Email)]
    [InlineData("web", TicketChannel.Web)]
    [InlineData("walk-in", TicketChannel.WalkIn)]
    public void Every_channel_is_read(string wire, TicketChannel channel) =>
        Assert.Equal(channel, Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("channel", wire))).Channel);

    [Theory]
    [InlineData("repair", TicketCategory.Repair)]
    [InlineData("installation", TicketCategory.Installation)]
    [InlineData("complaint", TicketCategory.Complaint)]
    [InlineData("return", TicketCategory.Return)]
    [InlineData("inquiry", TicketCategory.Inquiry)]
    public void Every_category_is_read(string wire, TicketCategory category) =>
        Assert.Equal(category, Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("category", wire))).Category);

    [Theory]
    [InlineData("open", TicketStatus.Open)]
    [InlineData("waiting-for-customer", TicketStatus.WaitingForCustomer)]
    [InlineData("on-hold", TicketStatus.OnHold)]
    [InlineData("in-progress", TicketStatus.InProgress)]
    public void Every_status_is_read(string wire, TicketStatus status) =>
        Assert.Equal(status, Accepted<StatusChanged>(Parse(EventPayloads.Of("StatusChanged").With("status", wire))).Status);

    [Theory]
    [InlineData("TicketOpened", "channel", "fax")]
    [InlineData("TicketOpened", "channel", "WalkIn")]
    [InlineData("TicketOpened", "channel", "Phone")]
    [InlineData("TicketOpened", "category", "warranty")]
    [InlineData("TicketOpened", "channel", "")]
    [InlineData("StatusChanged", "status", "closed")]
    [InlineData("StatusChanged", "status", "waiting_for_customer")]
    public void A_value_outside_the_vocabulary_is_an_invalid_value_naming_the_field(string type, string field, string value) =>
        Rejected(Parse(EventPayloads.Of(type).With(field, value)), RejectionReason.InvalidValue, field);

    [Fact]
    public void The_rejection_lists_the_allowed_values()
    {
        var rejection = Rejected(
            Parse(EventPayloads.TicketOpened().With("channel", "fax")), RejectionReason.InvalidValue, "channel");

        Assert.Equal("channel 'fax' is not one of phone, email, web, walk-in", rejection.Message);
    }
}
