using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Texts;
using Azure.Data.Tables;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Sms;

public class SurveyLinkTests : StorageTest, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TextSettings Settings = TextTestSettings.Defaults();
    private static readonly SurveySent Sent = new("T-1/text/survey/1", "T-1", "C-1", "+8613800138000", At("2026-10-13 17:00"));

    private TextTables texts = null!;
    private SurveyResponses responses = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        texts = TextTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await texts.CreateIfNotExistsAsync(None);
        await texts.Surveys.RecordSentAsync(Sent, None);
        responses = new SurveyResponses(texts.Surveys, Settings);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await texts.DeleteAllAsync(None);
        await DisposeAsync();
    }

    private static string Token(string ticketId = "T-1", int survey = 1, string expires = "2026-11-12 17:00") =>
        Settings.SurveyTokens().Issue(ticketId, survey, At(expires));

    private async Task<int?> StoredRatingAsync() =>
        (await RawTable("Surveys").GetEntityAsync<TableEntity>("T-1", Uri.EscapeDataString(Sent.SurveyKey))).Value.GetInt32("Rating");

    [Fact]
    public async Task A_signed_link_records_the_rating_of_the_survey_it_names_once()
    {
        var first = await responses.RateByLinkAsync(Token(), 4, At("2026-10-14 09:00"), None);
        var second = await responses.RateByLinkAsync(Token(), 1, At("2026-10-14 09:05"), None);

        Assert.Equal(new RatingRecorded("T-1/text/survey/1", "T-1", 4, At("2026-10-14 09:00"), RatingFollowUp.ThankCustomer), first.Recorded);
        Assert.Null(second.Recorded);
        Assert.Contains("answered already", second.Error, StringComparison.Ordinal);
        Assert.Equal(4, await StoredRatingAsync());
    }

    [Fact]
    public async Task Once_rated_by_link_the_survey_is_no_longer_open_for_a_reply()
    {
        await responses.RateByLinkAsync(Token(), 3, At("2026-10-14 09:00"), None);

        Assert.Null(await responses.RateByReplyAsync("+8613800138000", 5, At("2026-10-14 10:00"), None));
    }

    [Fact]
    public async Task A_forged_altered_or_expired_token_is_refused_with_a_clear_error_and_records_nothing()
    {
        var forged = Token().Replace("T-1.", "T-2.", StringComparison.Ordinal);
        var otherKey = new SurveyTokens(System.Text.Encoding.UTF8.GetBytes(new string('k', 40))).Issue("T-1", 1, At("2026-11-12 17:00"));

        var results = new[]
        {
            await responses.RateByLinkAsync(forged, 5, At("2026-10-14 09:00"), None),
            await responses.RateByLinkAsync(otherKey, 5, At("2026-10-14 09:00"), None),
            await responses.RateByLinkAsync(Token(), 5, At("2026-11-12 17:00"), None),
            await responses.RateByLinkAsync("garbage", 5, At("2026-10-14 09:00"), None),
            await responses.RateByLinkAsync(Token(), 9, At("2026-10-14 09:00"), None),
        };

        Assert.All(results, r => Assert.Null(r.Recorded));
        Assert.Contains("signature does not match", results[0].Error, StringComparison.Ordinal);
        Assert.Contains("signature does not match", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("expired", results[2].Error, StringComparison.Ordinal);
        Assert.Contains("not a survey token", results[3].Error, StringComparison.Ordinal);
        Assert.Contains("not a rating", results[4].Error, StringComparison.Ordinal);
        Assert.Null(await StoredRatingAsync());
    }

    [Fact]
    public async Task A_valid_token_for_a_survey_never_sent_records_nothing()
    {
        var result = await responses.RateByLinkAsync(Token(survey: 2), 5, At("2026-10-14 09:00"), None);

        Assert.Equal((null, "this survey was never sent"), (result.Recorded, result.Error));
    }

    [Fact]
    public async Task Recording_a_sent_survey_twice_keeps_one_survey()
    {
        await texts.Surveys.RecordSentAsync(Sent, None);

        Assert.Equal(2, (await RawTable("Surveys").QueryAsync<TableEntity>().ToListAsync()).Count); // one by ticket, one by number
        Assert.Equal(Sent, await texts.Surveys.FindAsync("T-1", Sent.SurveyKey, None));
    }

    [Fact]
    public async Task Ratings_racing_for_one_survey_record_exactly_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(r => responses.RateByLinkAsync(Token(), r, At("2026-10-14 09:00"), None)));

        Assert.Single(results, r => r.Recorded is not null);
    }
}
