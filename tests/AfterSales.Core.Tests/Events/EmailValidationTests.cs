using AfterSales.Core.Events;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class EmailValidationTests
{
    [Theory]
    [InlineData("zhang.wei@example.com")]
    [InlineData("zhang_wei+service@mail.example.com.cn")]
    [InlineData("13800138000@163.com")]
    public void A_plain_address_is_accepted(string email)
    {
        var opened = Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("customer.email", email)));

        Assert.Equal(email, opened.Customer.Email);
    }

    [Theory]
    [InlineData("customer.email")]
    [InlineData("owner.email")]
    public void Every_email_field_is_checked(string field)
    {
        var rejection = Rejected(Parse(EventPayloads.TicketOpened().With(field, "li.na@")), RejectionReason.InvalidEmail, field);

        Assert.Equal($"{field} 'l***@' is not a plain email address such as zhang.wei@example.com", rejection.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zhang.wei")]
    [InlineData("zhang.wei@localhost")]
    [InlineData("@example.com")]
    [InlineData("zhang wei@example.com")]
    [InlineData(" zhang.wei@example.com")]
    [InlineData("zhang.wei@example.com ")]
    [InlineData("张伟 <zhang.wei@example.com>")]
    [InlineData("zhang.wei@example.com.")]
    [InlineData("zhang.wei@example.com, li.na@example.com")]
    public void Anything_but_a_plain_address_with_a_dotted_domain_is_an_invalid_email(string email) =>
        Rejected(Parse(EventPayloads.TicketOpened().With("customer.email", email)), RejectionReason.InvalidEmail, "customer.email");

    [Fact]
    public void A_new_owner_email_is_checked_on_assignment() =>
        Rejected(Parse(EventPayloads.Of("TicketAssigned").With("owner.email", "wang.qiang")), RejectionReason.InvalidEmail, "owner.email");

    [Fact]
    public void An_agent_email_is_checked_when_the_agent_is_given()
    {
        var payload = EventPayloads.Of("AgentResponded")
            .With("agent", new System.Text.Json.Nodes.JsonObject { ["id"] = "E-2", ["name"] = "王强", ["email"] = "wang@qiang" });

        Rejected(Parse(payload), RejectionReason.InvalidEmail, "agent.email");
    }

    [Fact]
    public void A_rejection_never_quotes_the_address_in_full_and_a_stored_event_is_not_checked_again()
    {
        var payload = EventPayloads.TicketOpened().With("customer.email", "Li Na <li.na@example.com>");

        var rejection = Rejected(Parse(payload), RejectionReason.InvalidEmail, "customer.email");

        Assert.DoesNotContain("li.na", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("'L***@example.com>'", rejection.Message, StringComparison.Ordinal);
        Assert.True(TicketEventParser.ForStoredEvents().Parse(payload.ToJsonString()).IsAccepted);
    }
}
