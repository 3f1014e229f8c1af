using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;

namespace AfterSales.Core.Tests.Sla;

public class PolicySelectionTests
{
    private static readonly PolicySelector Defaults = new(TestSettings.Defaults().Sla.Policies);

    [Theory]
    [InlineData("P1", TicketCategory.Repair, "P1")]
    [InlineData("P2", TicketCategory.Installation, "P2")]
    [InlineData("P3", TicketCategory.Repair, "P3")]
    [InlineData("P4", TicketCategory.Return, "P4")]
    [InlineData("P3", TicketCategory.Complaint, "Complaint")]
    [InlineData("P4", TicketCategory.Complaint, "Complaint")]
    [InlineData("P1", TicketCategory.Complaint, "P1")]
    [InlineData("P2", TicketCategory.Complaint, "P2")]
    [InlineData("P3", TicketCategory.Inquiry, "P4")]
    public void A_ticket_gets_the_first_policy_that_lists_its_priority_or_category(string priority, TicketCategory category, string expected)
    {
        Assert.Equal(expected, Defaults.Select(priority, category)?.Name);
    }

    [Fact]
    public void An_admin_can_add_a_named_priority_with_its_own_policy()
    {
        var settings = TestSettings.With(
            ("Sla:Policies:VIP:Precedence", "5"),
            ("Sla:Policies:VIP:Priorities", "VIP"),
            ("Sla:Policies:VIP:Calendar", "24x7"),
            ("Sla:Policies:VIP:FirstResponse", "PT5M"),
            ("Sla:Policies:VIP:Resolution", "PT2H"));

        var policy = new PolicySelector(settings.Sla.Policies).Select("VIP", TicketCategory.Repair);

        Assert.Equal("VIP", policy?.Name);
        Assert.Contains("VIP", settings.Sla.KnownPriorities);
    }

    [Fact]
    public void P4_first_response_is_six_business_hours_in_working_hours_and_one_business_day_otherwise()
    {
        var engine = new SlaEngine(TestSettings.Defaults());
        var inHours = new TicketScript("T-A").Opened("2026-10-27 09:00", "P4", TicketCategory.Inquiry).History;
        var saturday = new TicketScript("T-B").Opened("2026-10-31 11:00", "P4", TicketCategory.Inquiry).History;

        Assert.Equal("2026-10-27 15:00", ShanghaiTime.Show(engine.Assess(inHours, ShanghaiTime.At("2026-10-27 09:00")).Deadline(ClockPlanner.FirstResponseId)));
        Assert.Equal("2026-11-02 17:30", ShanghaiTime.Show(engine.Assess(saturday, ShanghaiTime.At("2026-10-31 11:00")).Deadline(ClockPlanner.FirstResponseId)));
    }

    [Fact]
    public void P3_targets_run_on_business_hours_across_the_weekend()
    {
        var history = new TicketScript().Opened("2026-10-16 17:15", "P3").History; // a Friday

        var assessment = new SlaEngine(TestSettings.Defaults()).Assess(history, ShanghaiTime.At("2026-10-16 17:15"));

        Assert.Equal("2026-10-19 08:45", ShanghaiTime.Show(assessment.Deadline(ClockPlanner.FirstResponseId)));
        Assert.Equal("2026-10-19 08:37", ShanghaiTime.Show(assessment.Clock(ClockPlanner.FirstResponseId).WarningAt!.Value));
        Assert.Equal("2026-10-21 17:15", ShanghaiTime.Show(assessment.Deadline(ClockPlanner.ResolutionId)));
    }
}
