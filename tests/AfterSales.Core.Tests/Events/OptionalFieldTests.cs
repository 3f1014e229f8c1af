using AfterSales.Core.Events;
using NodaTime;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class OptionalFieldTests
{
    [Fact]
    public void Optional_ticket_opened_fields_may_be_left_out()
    {
        var opened = Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened()));

        Assert.Equal(new Customer("C-1", "张伟", null, null, "zh-CN"), opened.Customer);
        Assert.Equal(new Person("E-1", "李娜", null), opened.Owner);
        Assert.Null(opened.ProductId);
        Assert.Null(opened.InstallationId);
    }

    [Fact]
    public void Optional_fields_sent_as_null_mean_not_known()
    {
        var payload = EventPayloads.TicketOpened()
            .With("productId", null).With("customer.phone", null).With("customer.email", null).With("customer.locale", null);

        var opened = Accepted<TicketOpened>(Parse(payload));

        Assert.Equal(new Customer("C-1", "张伟", null, null, "zh-CN"), opened.Customer);
        Assert.Null(opened.ProductId);
    }

    [Fact]
    public void Optional_ticket_opened_fields_are_read_when_present()
    {
        var payload = EventPayloads.TicketOpened()
            .With("productId", "HP-AW12").With("installationId", "INST-SH-88213").With("owner.email", "li.na@example.com");

        var opened = Accepted<TicketOpened>(Parse(payload));

        Assert.Equal(("HP-AW12", "INST-SH-88213"), (opened.ProductId, opened.InstallationId));
        Assert.Equal("li.na@example.com", opened.Owner.Email);
    }

    [Theory]
    [InlineData("productId")]
    [InlineData("installationId")]
    public void An_optional_id_that_is_present_must_not_be_empty(string field) =>
        Rejected(Parse(EventPayloads.TicketOpened().With(field, "")), RejectionReason.InvalidValue, field);

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-TW")]
    [InlineData("en")]
    [InlineData("en-US")]
    public void A_known_culture_tag_is_kept_as_the_locale(string locale)
    {
        var opened = Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened().With("customer.locale", locale)));

        Assert.Equal(locale, opened.Customer.Locale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("chinese")]
    [InlineData("zh_CN")]
    [InlineData("ZH-CN")]
    [InlineData("zh-")]
    [InlineData("xx-QQ")]
    public void A_locale_that_is_not_a_known_culture_tag_is_an_invalid_value(string locale) =>
        Rejected(Parse(EventPayloads.TicketOpened().With("customer.locale", locale)), RejectionReason.InvalidValue, "customer.locale");

    [Fact]
    public void Free_text_fields_are_optional_and_kept_verbatim()
    {
        Assert.Null(Accepted<AgentResponded>(Parse(EventPayloads.Of("AgentResponded"))).Agent);
        Assert.Null(Accepted<CommitmentMade>(Parse(EventPayloads.Of("CommitmentMade"))).Description);
        Assert.Null(Accepted<AppointmentScheduled>(Parse(EventPayloads.Of("AppointmentScheduled"))).Technician);
        Assert.Null(Accepted<TicketResolved>(Parse(EventPayloads.Of("TicketResolved"))).Resolution);
        Assert.Null(Accepted<TicketReopened>(Parse(EventPayloads.Of("TicketReopened"))).Reason);

        Assert.Equal("赵磊", Accepted<AppointmentScheduled>(
            Parse(EventPayloads.Of("AppointmentScheduled").With("technician", "赵磊"))).Technician);
        Assert.Equal(" 已更换电容 ", Accepted<TicketResolved>(
            Parse(EventPayloads.Of("TicketResolved").With("resolution", " 已更换电容 "))).Resolution);
    }

    [Fact]
    public void An_agent_that_is_present_needs_an_id_and_a_name()
    {
        var payload = EventPayloads.Of("AgentResponded").With("agent", new System.Text.Json.Nodes.JsonObject { ["id"] = "E-2" });

        Rejected(Parse(payload), RejectionReason.MissingField, "agent.name");
    }

    [Fact]
    public void The_contract_end_date_is_read_as_a_local_date()
    {
        var payload = EventPayloads.Of("InstallationHandedOver").With("contractEndsOn", "2027-03-31");

        var handedOver = Accepted<InstallationHandedOver>(Parse(payload));

        Assert.Equal(new LocalDate(2027, 3, 31), handedOver.ContractEndsOn);
        Assert.Equal(DeliveryKind.Installation, handedOver.Kind);
    }

    [Theory]
    [InlineData("2027-3-31")]
    [InlineData("31/03/2027")]
    [InlineData("2027-02-30")]
    [InlineData("2027-03-31T00:00:00+08:00")]
    public void A_contract_end_that_is_not_a_plain_date_is_an_invalid_value(string date) =>
        Rejected(Parse(EventPayloads.Of("ProductDelivered").With("contractEndsOn", date)), RejectionReason.InvalidValue, "contractEndsOn");
}
