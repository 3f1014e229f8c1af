using AfterSales.Core.Simulation;

namespace AfterSales.Core.Tests.Simulation;

public class SimulationComparisonTests
{
    private static TicketOutcome Outcome(string ticketId, string policy = "P3", string firstResponse = "met", params string[] steps) =>
        new(ticketId, policy, new Dictionary<string, string>(StringComparer.Ordinal) { ["1/first-response"] = firstResponse }, steps);

    private static SimulationResult Run(params TicketOutcome[] outcomes) => new([], [], [], null, outcomes);

    [Fact]
    public void Tickets_are_matched_by_id_whatever_order_each_run_lists_them_in()
    {
        var before = Run(Outcome("T-3"), Outcome("T-1", firstResponse: "met"), Outcome("T-2"));
        var after = Run(Outcome("T-2"), Outcome("T-3"), Outcome("T-1", firstResponse: "missed"));

        var changed = SimulationComparison.Of(before, after).ChangedTickets;

        var only = Assert.Single(changed);
        Assert.Equal("T-1", only.TicketId);
        Assert.Equal(["first-response: met -> missed"], only.Changes);
    }

    [Fact]
    public void A_ticket_only_one_run_has_is_named_and_those_only_the_proposed_run_has_come_last_in_ticket_order()
    {
        var before = Run(Outcome("T-1"), Outcome("T-4"), Outcome("T-6"));
        var after = Run(Outcome("T-0"), Outcome("T-1", steps: "T-1/first-response/supervisor/1"), Outcome("T-5"), Outcome("T-7"));

        var changed = SimulationComparison.Of(before, after).ChangedTickets;

        Assert.Equal(
            [
                ("T-1", "+ supervisor on first-response"),
                ("T-4", "no policy applies any more"),
                ("T-6", "no policy applies any more"),
                ("T-0", "now under policy P3"),
                ("T-5", "now under policy P3"),
                ("T-7", "now under policy P3"),
            ],
            changed.Select(c => (c.TicketId, Assert.Single(c.Changes))));
    }
}
