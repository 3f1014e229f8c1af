using System.Security.Cryptography;
using System.Text;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Events;
using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;

namespace AfterSales.Functions.Tests.Http;

/// <summary>Inputs that on main answered 500 (and were lost or redelivered): each is a stored rejection and a 4xx.</summary>
public sealed class RefusedInputHttpTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Opened(string ticketId = "T-1") => new TicketScript(ticketId).Opened("2026-10-16 09:00").Payloads.Single();

    [Fact]
    public async Task A_ten_megabyte_body_answers_413_and_is_kept_truncated_with_its_length_and_hash()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var body = Opened().Replace("Signalling server down", new string('故', 3_500_000), StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(body);

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(bytes, None).AnswerAsync();

        Assert.Equal(413, response.StatusCode);
        var problem = response.Json();
        Assert.Equal((ProblemTypes.EventTooLarge, "TooLarge"), (problem.Text("type"), problem.Text("reason")));
        var kept = await Tables.RejectedEvents.GetAsync(problem.Text("rejectedEventId")!, None);
        Assert.True(kept!.PayloadTruncated);
        Assert.Equal(bytes.Length, kept.PayloadBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), kept.PayloadSha256);
        Assert.Equal(body[..EventBodies.MaxBytes], kept.Payload);
        Assert.Null(await Tables.Tickets.GetAsync("T-1", None));
    }

    [Fact]
    public async Task A_too_large_event_stays_rejected_when_replayed()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var body = Opened().Replace("Signalling server down", new string('x', 70_000), StringComparison.Ordinal);
        var id = (await service.Endpoint<TicketEventsEndpoint>().PostAsync(body, None).AnswerAsync()).Json().Text("rejectedEventId")!;

        var replay = await service.Endpoint<RejectedEventsEndpoint>().ReplayAsync(id, None).AnswerAsync();

        Assert.Equal(422, replay.StatusCode);
        Assert.Equal("TooLarge", replay.Json().Text("reason"));
        Assert.Null(await Tables.Tickets.GetAsync("T-1", None));
    }

    [Fact]
    public async Task A_reused_event_id_with_other_content_answers_409_and_is_kept_while_the_first_event_stays()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var http = service.Endpoint<TicketEventsEndpoint>();
        await http.PostAsync(Opened(), None).AnswerAsync();
        var other = Opened().Replace("Signalling server down", "Another fault", StringComparison.Ordinal);

        var response = await http.PostAsync(other, None).AnswerAsync();

        Assert.Equal(409, response.StatusCode);
        var problem = response.Json();
        Assert.Equal((ProblemTypes.ConflictingEvent, "ConflictingDuplicate"), (problem.Text("type"), problem.Text("reason")));
        Assert.Single(problem.GetProperty("errors").GetProperty("eventId").EnumerateArray());
        var kept = await Tables.RejectedEvents.GetAsync(problem.Text("rejectedEventId")!, None);
        Assert.Equal(other, kept!.Payload);
        var opened = (TicketOpened)(await Tables.Tickets.GetAsync("T-1", None))!.Ticket.History.Events.Single();
        Assert.Equal("Signalling server down", opened.Summary);
        Assert.Equal(200, (await http.PostAsync(Opened(), None).AnswerAsync()).StatusCode);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_answer_400_and_are_kept()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var bytes = Encoding.UTF8.GetBytes(Opened().Replace("Signalling server down", "MARK", StringComparison.Ordinal));
        bytes[bytes.AsSpan().IndexOf("MARK"u8)] = 0xFF;

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(bytes, None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        var problem = response.Json();
        Assert.Equal(("InvalidUtf8", "$"), (problem.Text("reason"), problem.GetProperty("errors").EnumerateObject().Single().Name));
        Assert.NotNull(await Tables.RejectedEvents.GetAsync(problem.Text("rejectedEventId")!, None));
        Assert.Null(await Tables.Tickets.GetAsync("T-1", None));
    }

    [Theory]
    [InlineData("ticketId", "AAAA", 256, "InvalidId")]
    [InlineData("ticketId", "工", 60, "InvalidId")]
    [InlineData("ticketId", "A", 480, "InvalidId")]
    [InlineData("occurredAt", "", 0, "PastTime")]
    public async Task Inputs_that_threw_on_main_answer_400_and_are_kept(string field, string unit, int count, string reason)
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var body = field == "occurredAt"
            ? Opened().Replace("2026-10-16T09:00:00+08:00", "0001-01-01T00:00:00+00:00", StringComparison.Ordinal)
            : Opened().Replace("\"ticketId\":\"T-1\"", $"\"ticketId\":\"{string.Concat(Enumerable.Repeat(unit, count))}\"", StringComparison.Ordinal);

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(body, None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(reason, response.Json().Text("reason"));
        Assert.Single(response.Json().GetProperty("errors").GetProperty(field).EnumerateArray());
        Assert.Equal(body, (await Tables.RejectedEvents.GetAsync(response.Json().Text("rejectedEventId")!, None))!.Payload);
    }

    [Fact]
    public async Task Two_type_keys_answer_400_duplicate_key()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-16 09:01");
        var body = Opened().Replace("\"type\":\"TicketOpened\"", "\"type\":\"TicketOpened\",\"type\":\"TicketClosed\"", StringComparison.Ordinal);
        Assert.NotEqual(Opened(), body);

        var response = await service.Endpoint<TicketEventsEndpoint>().PostAsync(body, None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("DuplicateKey", response.Json().Text("reason"));
        Assert.Null(await Tables.Tickets.GetAsync("T-1", None));
    }
}
