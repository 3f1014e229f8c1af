using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;
using Azure.Data.Tables;

namespace AfterSales.Functions.Tests.Http;

/// <summary>The admin endpoints for tickets the sweep could not process: the list with each error, and replay.</summary>
public sealed class QuarantinedTicketsHttpTests : StorageTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_failing_ticket_is_listed_with_its_error_and_replayed_once_and_an_unknown_one_is_a_404_problem()
    {
        await using var service = await ComposedService.StartAsync(ConnectionString, Prefix, "2026-10-12 09:00");
        await service.Get<AfterSales.Core.Application.TicketEventIngestion>().IngestAsync(
            new TicketScript("T-bad").Opened("2026-10-12 09:00", "P1").Payloads.Single(), "test", None);
        await RawTable("Tickets").AddEntityAsync(new TableEntity("T-bad", "e|broken") { ["Event0"] = "{not json", ["EventChunks"] = 1 });
        await service.SweepAsync();
        var endpoint = service.Endpoint<QuarantinedTicketsEndpoint>();

        var list = await endpoint.ListAsync(None).AnswerAsync();
        var replayed = await endpoint.ReplayAsync("T-bad", None).AnswerAsync();
        var unknown = await endpoint.ReplayAsync("T-none", None).AnswerAsync();

        Assert.Equal((200, HttpAnswer.JsonType), (list.StatusCode, list.ContentType));
        var item = Assert.Single(list.Json().GetProperty("items").EnumerateArray());
        Assert.Equal(("T-bad", false, 1), (item.Text("ticketId"), item.GetProperty("quarantined").GetBoolean(), item.GetProperty("failures").GetInt32()));
        Assert.StartsWith("InvalidDataException", item.Text("lastError"), StringComparison.Ordinal);
        Assert.Equal((200, "replayed"), (replayed.StatusCode, replayed.Json().Text("outcome")));
        Assert.Equal((404, HttpAnswer.ProblemType), (unknown.StatusCode, unknown.ContentType));
        Assert.Equal(ProblemTypes.QuarantinedTicketNotFound, unknown.Json().Text("type"));
        Assert.True(unknown.Json().GetProperty("errors").TryGetProperty("ticketId", out _));
    }
}
