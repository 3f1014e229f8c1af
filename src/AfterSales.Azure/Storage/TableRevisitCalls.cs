using AfterSales.Core.Application;
using AfterSales.Core.Revisits;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Revisit calls: PartitionKey the local date (yyyy-MM-dd), RowKey the escaped installation id; the text waits in
/// <c>TextBody</c> / <c>TextSendAt</c> with <c>TextStatus</c> <c>pending</c> for the text dispatcher. Each day's
/// call-list email has one row in partition <c>call-list</c> (RowKey the date), claimed by ETag before sending.
/// </summary>
public sealed class TableRevisitCalls : IRevisitCalls
{
    public const string PendingText = "pending";
    private const string CallListPartition = "call-list";
    private readonly CountingTable table;

    internal TableRevisitCalls(CountingTable table) => this.table = table;

    public Task<bool> TryAddAsync(RevisitCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var row = new TableEntity(RevisitKeys.Day(call.Date), KeyEscaping.Escape(call.InstallationId))
        {
            ["InstallationId"] = call.InstallationId,
            ["Number"] = call.Number,
            ["CustomerId"] = call.CustomerId,
            ["CustomerName"] = call.CustomerName,
            ["Phone"] = call.Phone,
            ["Email"] = call.Email,
            ["Locale"] = call.Locale,
            ["TextKey"] = call.TextKey,
            ["TextBody"] = call.TextBody,
            ["TextSendAt"] = StoredTime.ToColumn(call.TextSendAt),
            ["TextStatus"] = call.TextBody is null ? null : PendingText,
            ["ProducedAt"] = StoredTime.ToColumn(call.ProducedAt),
        };
        return table.TryAddAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<RevisitCall>> ForDayAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var calls = new List<RevisitCall>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RevisitKeys.Day(date)}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false)) calls.Add(Read(row, date));
        return calls;
    }

    /// <summary>Every revisit call of every day, with its outcome (a scan: the totals' rebuild, never the hot path).</summary>
    public async IAsyncEnumerable<RevisitCall> AllCallsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            if (row.PartitionKey == CallListPartition) continue;
            yield return Read(row, RevisitKeys.ParseDay(row.PartitionKey));
        }
    }

    public async Task<RevisitCall?> GetAsync(LocalDate date, string installationId, CancellationToken cancellationToken) =>
        await table.GetAsync(RevisitKeys.Day(date), KeyEscaping.Escape(installationId), cancellationToken).ConfigureAwait(false) is { } row
            ? Read(row, date)
            : null;

    public async Task<RevisitCall?> RecordOutcomeAsync(
        LocalDate date, string installationId, RevisitOutcome outcome, string? note, Instant at, CancellationToken cancellationToken)
    {
        var row = new TableEntity(RevisitKeys.Day(date), KeyEscaping.Escape(installationId))
        {
            ["Outcome"] = outcome.ToString(),
            ["OutcomeNote"] = note,
            ["OutcomeAt"] = StoredTime.ToColumn(at),
        };
        if (!await table.TryMergeAsync(row, cancellationToken).ConfigureAwait(false)) return null;
        return await GetAsync(date, installationId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallListState?> CallListAsync(LocalDate date, CancellationToken cancellationToken) =>
        await table.GetAsync(CallListPartition, RevisitKeys.Day(date), cancellationToken).ConfigureAwait(false) is { } row ? State(row, date) : null;

    public async Task<bool> TryClaimCallListAsync(LocalDate date, Instant at, CancellationToken cancellationToken)
    {
        var current = await table.GetAsync(CallListPartition, RevisitKeys.Day(date), cancellationToken).ConfigureAwait(false);
        if (current is null) return await table.TryAddAsync(CallListRow(date, CallListStatus.Sending, 1, at, null), cancellationToken).ConfigureAwait(false);
        var state = State(current, date);
        if (state.Status != CallListStatus.Failed || state.Attempts >= RevisitRun.MaxCallListAttempts) return false;
        return await table.TryReplaceAsync(CallListRow(date, CallListStatus.Sending, state.Attempts + 1, at, state.Detail), current.ETag, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>One query of the call-list partition over the look-back window (a row a day), one more when it is empty.</summary>
    public async Task<LocalDate?> LastHandledDayAsync(LocalDate before, LocalDate notBefore, CancellationToken cancellationToken)
    {
        var window = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CallListPartition} and RowKey ge {RevisitKeys.Day(notBefore)} and RowKey lt {RevisitKeys.Day(before)}");
        string? last = null;
        await foreach (var row in table.QueryAsync(window, ["RowKey"], cancellationToken).ConfigureAwait(false)) last = row.RowKey;
        if (last is not null) return RevisitKeys.ParseDay(last);

        var older = TableClient.CreateQueryFilter($"PartitionKey eq {CallListPartition} and RowKey lt {RevisitKeys.Day(notBefore)}");
        await foreach (var _ in table.QueryAsync(older, ["RowKey"], cancellationToken, maxPerPage: 1).ConfigureAwait(false))
            return notBefore.PlusDays(-1);
        return null;
    }

    public Task RecordNoCallsAsync(LocalDate date, Instant at, CancellationToken cancellationToken) =>
        table.TryAddAsync(CallListRow(date, CallListStatus.NoCalls, 0, at, null), cancellationToken);

    public Task FinishCallListAsync(LocalDate date, SendResult result, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var row = new TableEntity(CallListPartition, RevisitKeys.Day(date))
        {
            ["Status"] = (result.Sent ? CallListStatus.Sent : CallListStatus.Failed).ToString(),
            ["ChangedAt"] = StoredTime.ToColumn(at),
            ["Detail"] = result.Sent ? result.ProviderMessageId : result.Error,
        };
        return table.TryMergeAsync(row, cancellationToken);
    }

    private static TableEntity CallListRow(LocalDate date, CallListStatus status, int attempts, Instant at, string? detail) =>
        new(CallListPartition, RevisitKeys.Day(date))
        {
            ["Status"] = status.ToString(),
            ["Attempts"] = attempts,
            ["ChangedAt"] = StoredTime.ToColumn(at),
            ["Detail"] = detail,
        };

    private static CallListState State(TableEntity row, LocalDate date) => new(
        date,
        Enum.Parse<CallListStatus>(row.GetString("Status")),
        row.GetInt32("Attempts") ?? 0,
        StoredTime.FromColumn(row.GetDateTimeOffset("ChangedAt")!.Value),
        row.GetString("Detail"));

    private static RevisitCall Read(TableEntity row, LocalDate date) => new(
        date,
        row.GetString("InstallationId"),
        row.GetInt32("Number") ?? 0,
        row.GetString("CustomerId"),
        row.GetString("CustomerName"),
        row.GetString("Phone"),
        row.GetString("Email"),
        row.GetString("Locale"),
        row.GetString("TextBody"),
        StoredTime.FromColumn(row.GetDateTimeOffset("TextSendAt")!.Value),
        StoredTime.FromColumn(row.GetDateTimeOffset("ProducedAt")!.Value),
        row.GetString("Outcome") is { } outcome ? Enum.Parse<RevisitOutcome>(outcome) : null,
        row.GetString("OutcomeNote"),
        StoredTime.FromColumn(row.GetDateTimeOffset("OutcomeAt")));
}
