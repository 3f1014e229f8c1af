using System.Text.RegularExpressions;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.Events;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Tickets;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Tickets;

/// <summary>Events stamped in the same second apply in the order the helpdesk sent them when it says so (<c>sequence</c>).</summary>
public sealed partial class SentOrderTests
{
    private readonly SlaEngine engine = new(TestSettings.Defaults());

    /// <summary>Answered and resolved at 09:30; at 10:00 a reopen and a close, in the same second.</summary>
    private static (TicketScript Ticket, TicketEvent Reopen, TicketEvent Close) ResolvedThenReopenAndClose(long? reopenSequence, long? closeSequence)
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 09:30");
        var reopen = new TicketReopened("T-1-reopen", "T-1", At("2026-10-12 10:00"), "Broke again") { Sequence = reopenSequence };
        var close = new TicketClosed("T-1-close", "T-1", At("2026-10-12 10:00")) { Sequence = closeSequence };
        return (ticket, reopen, close);
    }

    private static IEnumerable<TicketHistory> BothArrivalOrders(TicketScript ticket, TicketEvent a, TicketEvent b)
    {
        yield return ticket.History.Apply(a).Apply(b);
        yield return ticket.History.Apply(b).Apply(a);
    }

    [Fact]
    public void A_reopen_sent_before_a_close_in_the_same_second_ends_closed()
    {
        var (ticket, reopen, close) = ResolvedThenReopenAndClose(reopenSequence: 20, closeSequence: 21);

        foreach (var history in BothArrivalOrders(ticket, reopen, close))
        {
            var assessment = engine.Assess(history, At("2026-10-12 10:01"));
            Assert.Equal(TicketPhase.Closed, assessment.Phase);
            Assert.Equal(2, assessment.Cycle);
            Assert.True(new TicketFacts(history, At("2026-10-12 10:01")).IsClosed);
        }
    }

    [Fact]
    public void A_close_sent_before_a_reopen_in_the_same_second_ends_open_in_a_new_cycle()
    {
        var ticket = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05");
        var close = new TicketClosed("T-1-close", "T-1", At("2026-10-12 10:00")) { Sequence = 5 };
        var reopen = new TicketReopened("T-1-reopen", "T-1", At("2026-10-12 10:00"), "Broke again") { Sequence = 6 };

        foreach (var history in BothArrivalOrders(ticket, close, reopen))
        {
            var assessment = engine.Assess(history, At("2026-10-12 10:01"));
            Assert.Equal(TicketPhase.Active, assessment.Phase);
            Assert.Equal(2, assessment.Cycle);
        }
    }

    [Fact]
    public void Events_without_a_sequence_keep_the_lifecycle_order_as_before()
    {
        // The same reopen and close with no sequence: a reopen applies last, so the ticket is open (as stored tickets replay).
        var (ticket, reopen, close) = ResolvedThenReopenAndClose(reopenSequence: null, closeSequence: null);

        foreach (var history in BothArrivalOrders(ticket, reopen, close))
        {
            Assert.Equal(TicketPhase.Active, engine.Assess(history, At("2026-10-12 10:01")).Phase);
            Assert.Equal(["TicketOpened", "AgentResponded", "TicketResolved", "TicketClosed", "TicketReopened"], history.Events.Select(e => e.Type));
        }
    }

    [Fact]
    public void Sequenced_events_apply_after_unsequenced_ones_of_the_same_second_and_the_opening_stays_first()
    {
        var opened = new TicketScript().Opened("2026-10-12 09:00", "P1").Events[0] with { Sequence = 9 };
        var reply = new AgentResponded("a-reply", "T-1", At("2026-10-12 09:00"), TicketScript.Owner) { Sequence = 3 };
        var assigned = new TicketAssigned("b-assigned", "T-1", At("2026-10-12 09:00"), TicketScript.Owner);
        var resolved = new TicketResolved("c-resolved", "T-1", At("2026-10-12 09:00"), "Fixed") { Sequence = 1 };

        TicketEvent[] arrivals = [reply, assigned, resolved, opened];
        TicketEvent[][] orders = [arrivals, [.. arrivals.Reverse()], [assigned, opened, resolved, reply]];
        foreach (var order in orders)
        {
            var history = order.Aggregate(TicketHistory.Empty("T-1"), (h, e) => h.Apply(e));
            Assert.Equal(["TicketOpened", "TicketAssigned", "TicketResolved", "AgentResponded"], history.Events.Select(e => e.Type));
        }
    }

    [Fact]
    public void A_sequence_is_read_and_written_back()
    {
        var parsed = ParserFixture.Accepted<TicketClosed>(ParserFixture.Parse(EventPayloads.Of("TicketClosed").With("sequence", 42)));

        Assert.Equal(42, parsed.Sequence);
        var json = TicketEventWriter.ToJson(parsed);
        Assert.Contains("\"sequence\":42", json, StringComparison.Ordinal);
        Assert.Equal(parsed, ParserFixture.Parse(json).Event);
    }

    [Fact]
    public void An_event_without_a_sequence_is_written_without_one()
    {
        var parsed = ParserFixture.Accepted<TicketClosed>(ParserFixture.Parse(EventPayloads.Of("TicketClosed")));

        Assert.Null(parsed.Sequence);
        Assert.DoesNotContain("sequence", TicketEventWriter.ToJson(parsed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_sequence_is_rejected_naming_the_field()
    {
        ParserFixture.Rejected(ParserFixture.Parse(EventPayloads.Of("TicketClosed").With("sequence", -1)), RejectionReason.InvalidValue, "sequence");
    }

    [Fact]
    public void A_sequence_that_is_not_an_integer_is_rejected()
    {
        var result = ParserFixture.Parse(EventPayloads.Of("TicketClosed").With("sequence", "first"));

        Assert.Null(result.Event);
        Assert.Equal("sequence", result.Rejection!.Field.TrimStart('$', '.'));
    }

    [Fact]
    public void The_contract_example_of_a_reopen_then_a_close_in_the_same_second_ends_closed()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "events.md"));
        var lines = JsonLinesBlock().Match(markdown).Groups["lines"].Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sent = lines.Select(line => ParserFixture.Accepted<TicketEvent>(ParserFixture.Parse(line))).ToList();
        Assert.Equal(["TicketReopened", "TicketClosed"], sent.Select(e => e.Type));

        var ticket = sent[0].TicketId;
        var before = TicketHistory.Empty(ticket)
            .Apply(new TicketOpened("E-4711-1", ticket, At("2026-10-12 09:00"), TicketScript.Customer, TicketChannel.Phone,
                TicketCategory.Repair, "P1", null, null, "metro", TicketScript.Owner, "E3"))
            .Apply(new TicketResolved("E-4711-2", ticket, At("2026-10-12 17:00"), "Fixed"));

        var inSentOrder = before.Apply(sent[0]).Apply(sent[1]);
        var inOtherOrder = before.Apply(sent[1]).Apply(sent[0]);
        var unsequenced = before.Apply(sent[1] with { Sequence = null }).Apply(sent[0] with { Sequence = null });

        Assert.Equal(TicketPhase.Closed, engine.Assess(inSentOrder, At("2026-10-13 09:00")).Phase);
        Assert.Equal(TicketPhase.Closed, engine.Assess(inOtherOrder, At("2026-10-13 09:00")).Phase);
        Assert.Equal(TicketPhase.Active, engine.Assess(unsequenced, At("2026-10-13 09:00")).Phase);
    }

    [GeneratedRegex(@"^\s*```jsonl\n(?<lines>.*?)^\s*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonLinesBlock();
}
