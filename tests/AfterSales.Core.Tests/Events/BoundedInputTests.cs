using System.Text;
using AfterSales.Core.Events;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

/// <summary>Inputs that on main threw or were applied wrongly: each is now a rejection with its reason and field.</summary>
public sealed class BoundedInputTests
{
    [Fact]
    public void A_senders_default_date_is_a_past_time_not_a_whole_ladder_at_once() =>
        Rejected(Parse(EventPayloads.Of("TicketOpened").With("occurredAt", "0001-01-01T00:00:00Z")), RejectionReason.PastTime, "occurredAt");

    [Fact]
    public void OccurredAt_up_to_the_past_age_is_accepted_and_beyond_it_rejected()
    {
        Accepted<TicketClosed>(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", "2025-11-02T00:00:00Z")));
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", "2025-11-01T23:59:59Z")), RejectionReason.PastTime, "occurredAt");
    }

    [Fact]
    public void The_past_age_is_a_setting()
    {
        var parser = new TicketEventParser(KnownPriorities, new EventTimeWindow(Duration.FromDays(1), Duration.FromDays(30), Duration.FromDays(365)), new FakeTimeProvider(Now));

        Rejected(parser.Parse(EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-02T00:00:00Z").ToJsonString()), RejectionReason.PastTime, "occurredAt");
        Accepted<TicketClosed>(parser.Parse(EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-03T00:00:00Z").ToJsonString()));
    }

    [Theory]
    [InlineData("CommitmentMade", "dueBy")]
    [InlineData("AppointmentScheduled", "visitAt")]
    public void A_planned_time_at_the_end_of_time_is_a_future_time(string type, string field) =>
        Rejected(Parse(EventPayloads.Of(type).With("occurredAt", "2026-11-01T00:00:00Z").With(field, "9999-12-31T23:59:59.9999999Z")),
            RejectionReason.FutureTime, field);

    [Fact]
    public void A_visit_at_the_start_of_time_is_a_past_time() =>
        Rejected(Parse(EventPayloads.Of("AppointmentScheduled").With("visitAt", "0001-01-01T00:00:00Z")), RejectionReason.PastTime, "visitAt");

    [Theory]
    [InlineData(1024, 'A')]
    [InlineData(480, 'A')]
    [InlineData(60, '工')]
    [InlineData(65, 'A')]
    [InlineData(22, '工')]
    public void A_ticket_id_longer_than_64_bytes_is_an_invalid_id(int length, char c) =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("ticketId", new string(c, length))), RejectionReason.InvalidId, "ticketId");

    [Theory]
    [InlineData("T 1")]
    [InlineData("T\u00001")]
    [InlineData("T\n1")]
    [InlineData("T%2F1")]
    [InlineData("T?1")]
    public void A_ticket_id_with_a_character_an_id_cannot_hold_is_an_invalid_id(string ticketId) =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("ticketId", ticketId)), RejectionReason.InvalidId, "ticketId");

    [Theory]
    [InlineData("T-2026-004711")]
    [InlineData("INC0012345")]
    [InlineData("工单/2026#17@metro+1~x:y_z.w")]
    public void Ids_helpdesks_use_are_accepted(string ticketId) =>
        Accepted<TicketClosed>(Parse(EventPayloads.Of("TicketClosed").With("ticketId", ticketId)));

    [Fact]
    public void Events_stored_before_ids_were_bounded_still_read() =>
        Assert.True(TicketEventParser.ForStoredEvents().Parse(EventPayloads.Of("TicketClosed").With("ticketId", "T 1").ToJsonString()).IsAccepted);

    [Fact]
    public void An_id_of_exactly_64_bytes_is_accepted() =>
        Accepted<TicketClosed>(Parse(EventPayloads.Of("TicketClosed").With("ticketId", new string('工', 21) + "A")));

    [Theory]
    [InlineData("TicketOpened", "installationId")]
    [InlineData("TicketOpened", "productId")]
    [InlineData("ProductDelivered", "installationId")]
    [InlineData("TicketOpened", "customer.id")]
    [InlineData("TicketOpened", "owner.id")]
    [InlineData("AppointmentCancelled", "appointmentId")]
    [InlineData("TicketClosed", "eventId")]
    public void Every_id_field_is_bounded(string type, string field) =>
        Rejected(Parse(EventPayloads.Of(type).With(field, new string('9', 1024))), RejectionReason.InvalidId, field);

    [Fact]
    public void Two_type_keys_are_a_duplicate_key_not_the_last_one_applied()
    {
        const string json = """{"type":"TicketOpened","eventId":"e-1","ticketId":"T-1","occurredAt":"2026-10-09T09:12:00+08:00","type":"TicketClosed"}""";

        Rejected(Parse(json), RejectionReason.DuplicateKey, "type");
    }

    [Fact]
    public void A_duplicate_key_inside_an_object_names_its_path()
    {
        var json = EventPayloads.TicketOpened().ToJsonString().Replace("\"customer\":{", "\"customer\":{\"name\":\"王五\",", StringComparison.Ordinal);

        Rejected(Parse(json), RejectionReason.DuplicateKey, "customer.name");
    }

    [Fact]
    public void The_same_name_in_two_objects_is_no_duplicate() =>
        Accepted<TicketOpened>(Parse(EventPayloads.TicketOpened()));

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_before_any_decoding()
    {
        var utf8 = Encoding.UTF8.GetBytes(EventPayloads.Of("TicketClosed").ToJsonString());
        utf8[10] = 0xC3;
        utf8[11] = 0x28;

        var refusal = EventBodies.Read(utf8, out var kept);

        Assert.Equal((RejectionReason.InvalidUtf8, "$"), (refusal!.Reason, refusal.Field));
        Assert.Contains("byte at 10", refusal.Message, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', kept);
    }

    [Fact]
    public void A_body_over_64_KiB_is_too_large_as_bytes_and_as_text()
    {
        var body = EventPayloads.Of("TicketClosed").With("eventId", "e-1").ToJsonString().Replace("}", $",\"pad\":\"{new string('x', 70_000)}\"}}", StringComparison.Ordinal);

        Assert.Equal(RejectionReason.TooLarge, EventBodies.Read(Encoding.UTF8.GetBytes(body), out _)!.Reason);
        Assert.Equal(RejectionReason.TooLarge, EventBodies.Check(body)!.Reason);
        Assert.Null(EventBodies.Check(EventPayloads.Of("TicketClosed").ToJsonString()));
        Assert.Null(EventBodies.Read(Encoding.UTF8.GetBytes(EventPayloads.Of("TicketClosed").ToJsonString()), out var text));
        Assert.StartsWith("{", text, StringComparison.Ordinal);
    }
}
