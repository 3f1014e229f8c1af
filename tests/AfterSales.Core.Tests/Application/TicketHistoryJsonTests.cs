using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Tests.TestSupport;

namespace AfterSales.Core.Tests.Application;

public class TicketHistoryJsonTests
{
    [Fact]
    public void A_history_with_produced_steps_reads_back_equal()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05")
            .Committed("2026-10-12 09:06", "2026-10-12 12:00").Status("2026-10-12 09:07", TicketStatus.WaitingForCustomer)
            .CustomerReplied("2026-10-12 10:00").Resolved("2026-10-12 11:00").Reopened("2026-10-13 09:00").History
            .MarkProduced(["T-1/ticket/p1-opened/1", "T-1/first-response/warning/1"]);

        var read = TicketHistoryJson.Read(TicketHistoryJson.Write(history));

        Assert.Equal(history.TicketId, read.TicketId);
        Assert.Equal(history.Events, read.Events.AsEnumerable());
        Assert.Equal(history.ProducedSteps.Order(StringComparer.Ordinal), read.ProducedSteps.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_stored_ticket_still_reads_after_its_priority_was_removed_from_settings()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "VIP").History;

        var read = TicketHistoryJson.Read(TicketHistoryJson.Write(history));

        Assert.Equal("VIP", Assert.IsType<TicketOpened>(read.Events[0]).Priority);
    }

    [Fact]
    public void Stored_events_keep_their_shape_checks()
    {
        var result = TicketEventParser.ForStoredEvents().Parse("""{"eventId":"e","ticketId":"T","occurredAt":"2026-10-12T09:00:00+08:00","type":"StatusChanged","status":"sleeping"}""");

        Assert.Equal(RejectionReason.InvalidValue, result.Rejection?.Reason);
    }
}
