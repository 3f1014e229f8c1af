using System.Text.Json;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;
using AfterSales.Core.Revisits;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Functions.Tests.Http;

using CallOutcome = AfterSales.Core.Revisits.RevisitOutcome;

public sealed class RevisitOutcomesHttpTests : StorageTest, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LocalDate Day = new(2026, 3, 15);
    private RevisitTables tables = null!;
    private RevisitOutcomesEndpoint handler = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        tables = RevisitTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await tables.CreateIfNotExistsAsync(None);
        handler = new RevisitOutcomesEndpoint(tables.Calls, new FakeTimeProvider(Offset("2026-03-15 10:30")));
        await tables.Calls.TryAddAsync(new RevisitCall(Day, "SN/1", 2, "C-1", "张伟", "+8613800138000", null, "zh-CN", "…",
            At("2026-03-15 09:00"), At("2026-03-15 09:00")), None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await tables.DeleteAllAsync(None);
        await DisposeAsync();
    }

    private static JsonElement Json(HttpAnswer response) => JsonDocument.Parse(response.Body).RootElement;

    [Theory]
    [InlineData("reached", CallOutcome.Reached, false)]
    [InlineData("noAnswer", CallOutcome.NoAnswer, false)]
    [InlineData("problemFound", CallOutcome.ProblemFound, true)]
    public async Task An_outcome_is_recorded_and_a_problem_found_asks_for_a_new_ticket(string outcome, CallOutcome stored, bool openTicket)
    {
        var response = await handler.PostAsync("2026-03-15", "SN/1", $$"""{"outcome":"{{outcome}}","note":"滤芯需要更换"}""", None).AnswerAsync();

        Assert.Equal((200, HttpAnswer.JsonType), (response.StatusCode, response.ContentType));
        var json = Json(response);
        Assert.Equal(("SN/1", "2026-03-15", 2, outcome, openTicket, "2026-03-15T02:30:00Z"),
            (json.GetProperty("installationId").GetString(), json.GetProperty("date").GetString(), json.GetProperty("revisit").GetInt32(),
                json.GetProperty("outcome").GetString(), json.GetProperty("openTicket").GetBoolean(), json.GetProperty("recordedAt").GetString()));
        var call = await tables.Calls.GetAsync(Day, "SN/1", None);
        Assert.Equal((stored, "滤芯需要更换", At("2026-03-15 10:30")), (call!.Outcome!.Value, call.OutcomeNote, call.OutcomeAt!.Value));
    }

    [Theory]
    [InlineData("2026-02-30", """{"outcome":"reached"}""", "date")]
    [InlineData("2026-03-15", "not json", "$")]
    [InlineData("2026-03-15", "[1]", "$")]
    [InlineData("2026-03-15", """{"outcome":"Reached"}""", "outcome")]
    [InlineData("2026-03-15", """{}""", "outcome")]
    [InlineData("2026-03-15", """{"outcome":"reached","note":5}""", "note")]
    [InlineData("2026-03-15", """{"outcome":"reached","outcome":"problemFound"}""", "$")]
    [InlineData("2026-03-15", """{"outcome":"reached","note":"a","note":"b"}""", "$")]
    public async Task Bad_input_is_a_problem_naming_the_field_and_records_nothing(string date, string body, string field)
    {
        var response = await handler.PostAsync(date, "SN/1", body, None).AnswerAsync();

        Assert.Equal((400, HttpAnswer.ProblemType), (response.StatusCode, response.ContentType));
        var json = Json(response);
        Assert.Equal(ProblemTypes.InvalidRevisitOutcome, json.GetProperty("type").GetString());
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Null((await tables.Calls.GetAsync(Day, "SN/1", None))!.Outcome);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(65)]
    public async Task An_installation_id_longer_than_an_id_may_be_is_a_problem_not_an_error(int length)
    {
        var response = await handler.PostAsync("2026-03-15", new string('S', length), """{"outcome":"reached"}""", None).AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.True(Json(response).GetProperty("errors").TryGetProperty("installationId", out _));
    }

    [Fact]
    public async Task A_revisit_never_produced_is_not_found_and_no_row_appears()
    {
        var response = await handler.PostAsync("2026-03-16", "SN/1", """{"outcome":"reached"}""", None).AnswerAsync();

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(ProblemTypes.RevisitNotFound, Json(response).GetProperty("type").GetString());
        Assert.Empty(await tables.Calls.ForDayAsync(new LocalDate(2026, 3, 16), None));
    }
}
