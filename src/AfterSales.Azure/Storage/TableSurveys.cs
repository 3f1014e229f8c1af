using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Surveys and their ratings. Each survey is one row under its ticket (PartitionKey the escaped ticket id, RowKey the
/// escaped survey key) and one row under its number (PartitionKey <c>phone:</c> and the number's keyed hash,
/// <see cref="ContactKeys.Phone"/>; same RowKey),
/// so that a link finds it by ticket and a reply by number; the rating is written to both, the ticket row first.
/// </summary>
public sealed class TableSurveys : ISurveys
{
    private const string PhonePrefix = "phone:";
    private readonly CountingTable table;
    private readonly ContactKeys keys;

    internal TableSurveys(CountingTable table, ContactKeys keys)
    {
        this.table = table;
        this.keys = keys;
    }

    public async Task RecordSentAsync(SurveySent survey, CancellationToken cancellationToken)
    {
        await table.TryAddAsync(Row(KeyEscaping.Escape(survey.TicketId), survey), cancellationToken).ConfigureAwait(false);
        await table.TryAddAsync(Row(PhonePartition(survey.Phone), survey), cancellationToken).ConfigureAwait(false);
    }

    public async Task<SurveySent?> FindAsync(string ticketId, string surveyKey, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(KeyEscaping.Escape(ticketId), KeyEscaping.Escape(surveyKey), cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    public async Task<bool> IsRatedAsync(string ticketId, string surveyKey, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(KeyEscaping.Escape(ticketId), KeyEscaping.Escape(surveyKey), cancellationToken).ConfigureAwait(false);
        return row?.GetInt32("Rating") is not null;
    }

    public async Task<SurveySent?> LatestOpenAsync(string e164, Instant since, CancellationToken cancellationToken)
    {
        SurveySent? latest = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PhonePartition(e164)} and SentAt ge {StoredTime.ToColumn(since)}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetInt32("Rating") is not null) continue;
            var survey = Read(row);
            if (latest is null || survey.SentAt > latest.SentAt) latest = survey;
        }

        return latest;
    }

    public async Task<int?> RatingOfAsync(string ticketId, string surveyKey, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(KeyEscaping.Escape(ticketId), KeyEscaping.Escape(surveyKey), cancellationToken).ConfigureAwait(false);
        return row?.GetInt32("Rating");
    }

    public async Task<bool> RecordRatingAsync(SurveySent survey, int rating, Instant at, string? comment, CancellationToken cancellationToken)
    {
        var surveyKey = KeyEscaping.Escape(survey.SurveyKey);
        var ticketRow = await table.GetAsync(KeyEscaping.Escape(survey.TicketId), surveyKey, cancellationToken).ConfigureAwait(false);
        if (ticketRow is null || ticketRow.GetInt32("Rating") is not null) return false;
        ticketRow["Rating"] = rating;
        ticketRow["RatedAt"] = StoredTime.ToColumn(at);
        if (comment is not null) ticketRow["Comment"] = comment;
        // The ETag makes two ratings racing for the same survey record only the first.
        if (!await table.TryReplaceAsync(ticketRow, ticketRow.ETag, cancellationToken).ConfigureAwait(false)) return false;
        await table.TryMergeAsync(
            new TableEntity(PhonePartition(survey.Phone), surveyKey) { ["Rating"] = rating, ["RatedAt"] = StoredTime.ToColumn(at) },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Every rating recorded, from the surveys' ticket rows (a scan: the totals' rebuild, never the hot path).</summary>
    public async IAsyncEnumerable<RatingRecorded> AllRatingsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync(null, ["PartitionKey", "SurveyKey", "TicketId", "Rating", "RatedAt"], cancellationToken).ConfigureAwait(false))
        {
            if (row.PartitionKey.StartsWith(PhonePrefix, StringComparison.Ordinal) || row.GetInt32("Rating") is not { } rating) continue;
            if (row.GetString("SurveyKey") is not { } surveyKey || row.GetString("TicketId") is not { } ticketId) continue;
            if (row.GetDateTimeOffset("RatedAt") is not { } ratedAt) continue;
            yield return new RatingRecorded(surveyKey, ticketId, rating, StoredTime.FromColumn(ratedAt), RatingFollowUp.None);
        }
    }

    /// <summary>Moves every number row still under <c>phone:</c> and the escaped number to its hashed key (the one-off migration).</summary>
    internal Task<int> MoveLegacyKeysAsync(CancellationToken cancellationToken) =>
        LegacyPhoneKeys.MoveAsync(
            table,
            key => key.StartsWith(PhonePrefix, StringComparison.Ordinal) && ContactKeys.IsLegacyPhoneKey(key[PhonePrefix.Length..])
                ? PhonePartition(KeyEscaping.Unescape(key[PhonePrefix.Length..]))
                : null,
            cancellationToken);

    private string PhonePartition(string e164) => PhonePrefix + keys.Phone(e164);

    private static TableEntity Row(string partitionKey, SurveySent survey) => new(partitionKey, KeyEscaping.Escape(survey.SurveyKey))
    {
        ["SurveyKey"] = survey.SurveyKey,
        ["TicketId"] = survey.TicketId,
        ["CustomerId"] = survey.CustomerId,
        ["Phone"] = survey.Phone,
        ["SentAt"] = StoredTime.ToColumn(survey.SentAt),
    };

    private static SurveySent Read(TableEntity row) => new(
        row.GetString("SurveyKey"), row.GetString("TicketId"), row.GetString("CustomerId"), row.GetString("Phone"),
        StoredTime.FromColumn(row.GetDateTimeOffset("SentAt")!.Value));
}
