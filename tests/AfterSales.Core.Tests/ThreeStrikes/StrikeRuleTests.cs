using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.ThreeStrikes;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.ThreeStrikes;

public class StrikeRuleTests
{
    private static readonly ThreeStrikesSettings Rule = ThreeStrikesSettings.Default;

    private static CustomerTicket Ticket(string id, string openedAt, TicketCategory category = TicketCategory.Repair) =>
        new(id, At(openedAt), category, "metro", "Signalling server down");

    [Fact]
    public void The_third_ticket_within_90_days_makes_a_strike_listing_the_three()
    {
        var tickets = new[] { Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-08-01 09:00"), Ticket("T-3", "2026-09-25 09:00") };

        var flag = Assert.Single(StrikeRule.NewFlags(tickets, [], Rule));

        Assert.Equal("T-3", flag.TicketId);
        Assert.Equal(["T-1", "T-2", "T-3"], flag.Counted);
    }

    [Fact]
    public void Two_tickets_or_three_spread_over_more_than_90_days_make_no_strike()
    {
        Assert.Empty(StrikeRule.NewFlags([Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-07-02 09:00")], [], Rule));
        Assert.Empty(StrikeRule.NewFlags(
            [Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-08-01 09:00"), Ticket("T-3", "2026-09-29 09:01")], [], Rule));
    }

    [Fact]
    public void A_customer_is_flagged_once_per_window_and_again_once_the_window_has_passed()
    {
        var tickets = new List<CustomerTicket> { Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-07-02 09:00"), Ticket("T-3", "2026-07-03 09:00") };
        var flags = new List<StrikeFlag>(StrikeRule.NewFlags(tickets, [], Rule));

        tickets.Add(Ticket("T-4", "2026-07-20 09:00"));
        Assert.Empty(StrikeRule.NewFlags(tickets, flags, Rule));

        tickets.AddRange([Ticket("T-5", "2026-10-05 09:00"), Ticket("T-6", "2026-10-06 09:00")]);
        var again = Assert.Single(StrikeRule.NewFlags(tickets, flags, Rule));
        Assert.Equal("T-6", again.TicketId);
    }

    [Fact]
    public void The_same_tickets_and_flags_again_raise_nothing_new()
    {
        var tickets = new[] { Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-07-02 09:00"), Ticket("T-3", "2026-07-03 09:00") };
        var flags = StrikeRule.NewFlags(tickets, [], Rule);

        Assert.Empty(StrikeRule.NewFlags(tickets, flags, Rule));
    }

    [Fact]
    public void A_ticket_arriving_late_does_not_flag_a_window_already_flagged()
    {
        // T-3 was flagged before T-2 arrived; with T-2, T-4 becomes the third ticket, but its window is already flagged.
        var flags = StrikeRule.NewFlags([Ticket("T-1", "2026-07-01 09:00"), Ticket("T-4", "2026-07-02 12:00"), Ticket("T-3", "2026-07-03 09:00")], [], Rule);

        var late = StrikeRule.NewFlags(
            [Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-07-02 09:00"), Ticket("T-4", "2026-07-02 12:00"), Ticket("T-3", "2026-07-03 09:00")],
            flags, Rule);

        Assert.Single(flags);
        Assert.Empty(late);
    }

    [Fact]
    public void Only_the_configured_categories_count_and_count_and_window_are_settings()
    {
        var rule = Rule with { Count = 2, Window = Duration.FromDays(7), Categories = new HashSet<TicketCategory> { TicketCategory.Complaint } };
        var tickets = new[]
        {
            Ticket("T-1", "2026-07-01 09:00", TicketCategory.Complaint),
            Ticket("T-2", "2026-07-02 09:00", TicketCategory.Inquiry),
            Ticket("T-3", "2026-07-08 08:00", TicketCategory.Complaint),
        };

        var flag = Assert.Single(StrikeRule.NewFlags(tickets, [], rule));

        Assert.Equal(["T-1", "T-3"], flag.Counted);
    }

    [Fact]
    public void A_count_of_zero_turns_the_rule_off()
    {
        var tickets = new[] { Ticket("T-1", "2026-07-01 09:00"), Ticket("T-2", "2026-07-02 09:00"), Ticket("T-3", "2026-07-03 09:00") };

        Assert.Empty(StrikeRule.NewFlags(tickets, [], Rule with { Count = 0 }));
    }

    [Fact]
    public void The_customer_key_is_a_hash_that_never_shows_the_customer_id()
    {
        var key = CustomerKeys.For("+8613800138000");

        Assert.Equal(32, key.Length);
        Assert.DoesNotContain("13800138000", key, StringComparison.Ordinal);
        Assert.Equal(key, CustomerKeys.For("+8613800138000"));
        Assert.NotEqual(key, CustomerKeys.For("+8613800138001"));
    }
}
