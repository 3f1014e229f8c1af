using AfterSales.Core.Events;
using NodaTime;
using static AfterSales.Core.Tests.Events.ParserFixture;

namespace AfterSales.Core.Tests.Events;

public sealed class TimeFieldTests
{
    [Theory]
    [InlineData("2026-10-09T09:12:00+08:00")]
    [InlineData("2026-10-09T01:12:00Z")]
    [InlineData("2026-10-09T01:12:00+00:00")]
    [InlineData("2026-10-08T20:12:00-05:00")]
    public void A_time_with_an_offset_is_read_as_the_instant_it_names(string occurredAt)
    {
        var closed = Accepted<TicketClosed>(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", occurredAt)));

        Assert.Equal(Instant.FromUtc(2026, 10, 9, 1, 12), closed.OccurredAt);
    }

    [Fact]
    public void Fractions_of_a_second_are_kept()
    {
        var closed = Accepted<TicketClosed>(
            Parse(EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-09T09:12:00.1234567+08:00")));

        Assert.Equal(Instant.FromUtc(2026, 10, 9, 1, 12).PlusTicks(1_234_567), closed.OccurredAt);
    }

    [Theory]
    [InlineData("2026-10-09T09:12:00")]
    [InlineData("2026-10-09T09:12:00.500")]
    [InlineData("2026-10-09")]
    public void A_time_without_an_offset_is_an_invalid_value(string occurredAt)
    {
        var rejection = Rejected(
            Parse(EventPayloads.Of("TicketClosed").With("occurredAt", occurredAt)), RejectionReason.InvalidValue, "occurredAt");

        Assert.Contains($"'{occurredAt}'", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("offset", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dueBy", "CommitmentMade")]
    [InlineData("visitAt", "AppointmentScheduled")]
    public void Every_time_field_needs_an_offset(string field, string type) =>
        Rejected(Parse(EventPayloads.Of(type).With(field, "2026-10-10T17:00:00")), RejectionReason.InvalidValue, field);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-09T09:12:00+08:00")]
    [InlineData("2026-10-09 09:12:00+08:00")]
    [InlineData("2026-10-09T25:12:00+08:00")]
    public void A_malformed_time_is_an_invalid_value(string occurredAt) =>
        Rejected(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", occurredAt)), RejectionReason.InvalidValue, "occurredAt");

    [Fact]
    public void An_event_exactly_at_the_future_skew_limit_is_accepted()
    {
        var now = new DateTimeOffset(2026, 10, 9, 1, 12, 0, TimeSpan.Zero);
        var parser = Parser(Duration.FromDays(1), now);

        var payload = EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-10T09:12:00+08:00");

        Accepted<TicketClosed>(parser.Parse(payload.ToJsonString()));
    }

    [Fact]
    public void An_event_one_second_past_the_future_skew_limit_is_a_future_time()
    {
        var now = new DateTimeOffset(2026, 10, 9, 1, 12, 0, TimeSpan.Zero);
        var parser = Parser(Duration.FromDays(1), now);

        var payload = EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-10T09:12:01+08:00");

        Rejected(parser.Parse(payload.ToJsonString()), RejectionReason.FutureTime, "occurredAt");
    }

    [Fact]
    public void The_future_limit_follows_the_clock_and_the_configured_skew()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 9, 1, 0, 0, TimeSpan.Zero));
        var parser = new TicketEventParser(KnownPriorities, Duration.FromMinutes(15), time);
        var json = EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-09T09:30:00+08:00").ToJsonString();

        Rejected(parser.Parse(json), RejectionReason.FutureTime, "occurredAt");
        time.Advance(TimeSpan.FromMinutes(15));
        Accepted<TicketClosed>(parser.Parse(json));
    }

    [Fact]
    public void The_default_future_skew_is_one_day()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 9, 1, 12, 0, TimeSpan.Zero));
        var parser = new TicketEventParser(KnownPriorities, time: time);

        Accepted<TicketClosed>(parser.Parse(
            EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-10T01:12:00Z").ToJsonString()));
        Rejected(parser.Parse(
            EventPayloads.Of("TicketClosed").With("occurredAt", "2026-10-10T01:12:01Z").ToJsonString()),
            RejectionReason.FutureTime, "occurredAt");
    }

    [Fact]
    public void Late_events_are_accepted() =>
        Accepted<TicketClosed>(Parse(EventPayloads.Of("TicketClosed").With("occurredAt", "2026-01-01T00:00:00+08:00")));

    [Fact]
    public void A_commitment_due_before_it_was_made_is_an_invalid_value()
    {
        var payload = EventPayloads.Of("CommitmentMade").With("dueBy", "2026-10-09T09:11:59+08:00");

        Rejected(Parse(payload), RejectionReason.InvalidValue, "dueBy");
    }

    [Fact]
    public void A_commitment_due_the_moment_it_was_made_is_accepted()
    {
        var payload = EventPayloads.Of("CommitmentMade").With("dueBy", "2026-10-09T01:12:00Z");

        var made = Accepted<CommitmentMade>(Parse(payload));

        Assert.Equal(made.OccurredAt, made.DueBy);
    }
}
