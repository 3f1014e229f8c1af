using System.Runtime.CompilerServices;
using AfterSales.Core.Application;
using AfterSales.Core.Notifications;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// One row per escalation step: PartitionKey the escaped ticket id, RowKey the escaped step key. A step is only ever
/// added, never overwritten: when its row exists already the step was produced before and is not counted, which is
/// what makes every step at-most-once however many sweeps run. Later status changes (<see cref="OutboxStatus"/>) are
/// merges conditional on the ETag read, so of two dispatchers only one records an attempt or an outcome.
/// </summary>
public sealed class TableOutbox : IOutbox
{
    public const string PendingStatus = OutboxStatus.Pending;

    private readonly CountingTable table;

    internal TableOutbox(CountingTable table) => this.table = table;

    public Task<int> AddAsync(IReadOnlyCollection<EscalationStep> steps, Instant producedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return AddRowsAsync([.. steps.Select(step => ToRow(step, producedAt))], cancellationToken);
    }

    public Task<int> AddTextsAsync(IReadOnlyCollection<CustomerText> texts, Instant producedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return AddRowsAsync([.. texts.Select(text => ToRow(text, producedAt))], cancellationToken);
    }

    /// <summary>
    /// The rows of one ticket share a partition: they are added in one transaction. When one of them exists already
    /// (an earlier sweep produced it) the transaction adds nothing, and each row is then added on its own, which
    /// tells the new ones from the old.
    /// </summary>
    private async Task<int> AddRowsAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var oneTransaction = rows.Count is > 1 and <= CountingTable.MaxBatchSize
            && rows.Select(row => row.PartitionKey).Distinct(StringComparer.Ordinal).Count() == 1
            && rows.Select(row => row.RowKey).Distinct(StringComparer.Ordinal).Count() == rows.Count;
        if (oneTransaction && await table.TrySubmitAsync(
                [.. rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))], cancellationToken).ConfigureAwait(false) is null)
            return rows.Count;
        var added = 0;
        foreach (var row in rows)
        {
            if (await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false)) added++;
        }
        return added;
    }

    public async Task<OutboxRecord?> GetAsync(string ticketId, string stepKey, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(KeyEscaping.Escape(ticketId), KeyEscaping.Escape(stepKey), cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    public async IAsyncEnumerable<OutboxRecord> ListForTicketAsync(string ticketId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEscaping.Escape(ticketId)}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
            yield return ToRecord(row);
    }

    public async IAsyncEnumerable<OutboxRecord> ListByStatusAsync(string status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Status eq {status}");
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
            yield return ToRecord(row);
    }

    public async Task<OutboxRecord?> TryStartAttemptAsync(OutboxRecord record, Instant now, CancellationToken cancellationToken)
    {
        if (record.Status is not (OutboxStatus.Pending or OutboxStatus.Held)) return null;
        var change = Change(record.Step);
        change["Status"] = OutboxStatus.Sending;
        change["Attempts"] = record.Attempts + 1;
        change["AttemptStartedAt"] = StoredTime.ToColumn(now);
        var etag = await table.TryMergeAsync(change, new ETag(record.Version), cancellationToken).ConfigureAwait(false);
        return etag is { } version
            ? record with { Status = OutboxStatus.Sending, Attempts = record.Attempts + 1, AttemptStartedAt = now, Version = version.ToString() }
            : null;
    }

    public async Task<bool> TryCompleteAsync(OutboxRecord attempt, SendResult result, Instant now, CancellationToken cancellationToken)
    {
        var change = Change(attempt.Step);
        change["Status"] = result.Sent ? OutboxStatus.Sent : OutboxStatus.Failed;
        change["Requests"] = result.Requests;
        change["CompletedAt"] = StoredTime.ToColumn(now);
        if (result.ProviderMessageId is { } id) change["ProviderMessageId"] = id;
        if (result.Error is { } error) change["FailureReason"] = error;
        if (!result.Sent) change["FailureReported"] = false;
        return await table.TryMergeAsync(change, new ETag(attempt.Version), cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<bool> TrySetAsideAsync(OutboxRecord attempt, string status, string reason, Instant? nextChanceAt, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (status is not (OutboxStatus.Held or OutboxStatus.Suppressed or OutboxStatus.Cancelled))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only held, suppressed or cancelled.");
        var change = Change(attempt.Step);
        change["Status"] = status;
        change["CompletedAt"] = StoredTime.ToColumn(now);
        change["FailureReason"] = reason;
        // Null columns are not written by a merge, so "never" is a column of its own.
        change["HeldForGood"] = nextChanceAt is null;
        if (nextChanceAt is { } at) change["NextChanceAt"] = StoredTime.ToColumn(at);
        return await table.TryMergeAsync(change, new ETag(attempt.Version), cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<OutboxRecord?> TryRecordDeliveryAsync(OutboxRecord sent, string status, string? reason, bool forFailureSummary, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (status is not (OutboxStatus.Delivered or OutboxStatus.Undelivered))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only delivered or undelivered.");
        if (sent.Status is not (OutboxStatus.Sent or OutboxStatus.Undelivered)) return null;
        var change = Change(sent.Step);
        change["Status"] = status;
        change["DeliveryReportedAt"] = StoredTime.ToColumn(now);
        if (reason is not null) change["FailureReason"] = reason;
        // "Reported" here means "nothing for the failure summary to list".
        change["FailureReported"] = !forFailureSummary;
        var etag = await table.TryMergeAsync(change, new ETag(sent.Version), cancellationToken).ConfigureAwait(false);
        return etag is { } version ? sent with { Status = status, FailureReason = reason ?? sent.FailureReason, FailureReported = !forFailureSummary, Version = version.ToString() } : null;
    }

    public async Task MarkFailureReportedAsync(IEnumerable<OutboxRecord> failed, CancellationToken cancellationToken)
    {
        foreach (var record in failed)
        {
            var change = Change(record.Step);
            change["FailureReported"] = true;
            await table.TryMergeAsync(change, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every row, in key order (by ticket, then step key). For tests, load runs and admin tools.</summary>
    public async IAsyncEnumerable<OutboxEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
            yield return FromRow(row);
    }

    /// <summary>
    /// One page of the retention purge: text rows produced before <paramref name="producedBefore"/> whose outcome is
    /// final (sent, failed, suppressed, cancelled, held for good) and still hold a body lose their body, number and
    /// email; the number is kept masked beside the outcome. A row changed meanwhile (ETag) is left for the next pass.
    /// </summary>
    /// <returns>Rows purged and where the next page starts (null: the pass is done).</returns>
    internal async Task<(int Purged, string? Continuation)> PurgeTextsAsync(
        Instant producedBefore, Instant now, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        // A purged row has an empty Body, so the filter skips it and a pass never reads it again.
        var filter = TableClient.CreateQueryFilter(
            $"Channel eq {NotificationMessageJson.ChannelName(NotificationChannel.Sms)} and ProducedAt lt {StoredTime.ToColumn(producedBefore)} and Body ne {""}")
            + $" and (Status eq '{OutboxStatus.Sent}' or Status eq '{OutboxStatus.Failed}' or Status eq '{OutboxStatus.Suppressed}'"
            + $" or Status eq '{OutboxStatus.Cancelled}' or (Status eq '{OutboxStatus.Held}' and HeldForGood eq true))";
        var (rows, next) = await table.QueryPageAsync(filter, continuation, pageSize, cancellationToken).ConfigureAwait(false);
        var purged = 0;
        foreach (var row in rows)
        {
            row["Phone"] = CustomerPhones.Mask(row.GetString("Phone"));
            // A provider's error text may quote the number ("The 'To' number +86… is not valid").
            if (row.GetString("FailureReason") is { } reason) row["FailureReason"] = CustomerPhones.MaskNumbersIn(reason);
            row.Remove("Email");
            row["Body"] = "";
            row["PurgedAt"] = StoredTime.ToColumn(now);
            if (await table.TryReplaceAsync(row, row.ETag, cancellationToken).ConfigureAwait(false)) purged++;
        }

        return (purged, next);
    }

    private static TableEntity Change(EscalationStep step) => new(KeyEscaping.Escape(step.TicketId), KeyEscaping.Escape(step.Key));

    private static TableEntity ToRow(EscalationStep step, Instant producedAt)
    {
        var row = new TableEntity(KeyEscaping.Escape(step.TicketId), KeyEscaping.Escape(step.Key))
        {
            ["StepKey"] = step.Key,
            ["TicketId"] = step.TicketId,
            ["Status"] = PendingStatus,
            ["Cycle"] = step.Cycle,
            ["Level"] = step.Level,
            ["Trigger"] = step.Trigger.ToString(),
            ["ClockId"] = step.ClockId,
            ["Role"] = step.Role,
            ["TriggeredAt"] = StoredTime.ToColumn(step.TriggeredAt),
            ["DueAt"] = StoredTime.ToColumn(step.DueAt),
            ["Expectation"] = step.Expectation,
            ["ProducedAt"] = StoredTime.ToColumn(producedAt),
        };
        if (step.Clock is { } clock) row["Clock"] = clock.ToString();
        if (step.Recipient is { } recipient) row["Recipient"] = recipient;
        if (step.Deadline is { } deadline) row["Deadline"] = StoredTime.ToColumn(deadline);
        return row;
    }

    /// <summary>A text's row: the columns every row has (from <see cref="TextOutboxSteps.StepOf"/>) and what to send to whom.</summary>
    private static TableEntity ToRow(CustomerText text, Instant producedAt)
    {
        var row = ToRow(TextOutboxSteps.StepOf(text), producedAt);
        row["Channel"] = NotificationMessageJson.ChannelName(NotificationChannel.Sms);
        row["TextKind"] = text.Kind.ToString();
        row["TextDueAt"] = StoredTime.ToColumn(text.DueAt);
        row["BudgetExempt"] = text.IsBudgetExempt;
        row["CustomerId"] = text.CustomerId;
        row["Phone"] = text.Phone;
        if (text.Email is { } email) row["Email"] = email;
        row["Locale"] = text.Locale;
        if (text.TimeZone is { } zone) row["TimeZone"] = zone;
        row["Body"] = text.Text.Body;
        return row;
    }

    private static CustomerText? ReadText(TableEntity row)
    {
        if (row.GetString("Channel") != NotificationMessageJson.ChannelName(NotificationChannel.Sms)) return null;
        var body = row.RequiredString("Body");
        return new CustomerText(
            row.RequiredString("StepKey"),
            row.RequiredString("TicketId"),
            Enum.Parse<TextKind>(row.RequiredString("TextKind")),
            row.RequiredInstant("TextDueAt"),
            row.RequiredInstant("DueAt"),
            row.GetBoolean("BudgetExempt") ?? false,
            row.RequiredString("CustomerId"),
            row.RequiredString("Phone"),
            row.GetString("Email"),
            row.RequiredString("Locale"),
            new RenderedText(body, SmsSegments.Measure(body)),
            row.GetString("TimeZone"));
    }

    private static OutboxRecord ToRecord(TableEntity row)
    {
        var step = new EscalationStep(
            row.RequiredString("StepKey"),
            row.RequiredString("TicketId"),
            row.GetInt32("Cycle") ?? 1,
            row.RequiredString("Level"),
            Enum.Parse<LadderTrigger>(row.RequiredString("Trigger")),
            row.GetString("Clock") is { } clock ? Enum.Parse<ClockKind>(clock) : null,
            row.RequiredString("ClockId"),
            row.RequiredString("Role"),
            row.GetString("Recipient"),
            row.RequiredInstant("TriggeredAt"),
            row.RequiredInstant("DueAt"),
            StoredTime.FromColumn(row.GetDateTimeOffset("Deadline")),
            row.GetString("Expectation") ?? "");
        return new OutboxRecord(
            step,
            row.RequiredInstant("ProducedAt"),
            row.RequiredString("Status"),
            row.GetInt32("Attempts") ?? 0,
            StoredTime.FromColumn(row.GetDateTimeOffset("AttemptStartedAt")),
            row.GetInt32("Requests") ?? 0,
            row.GetString("ProviderMessageId"),
            row.GetString("FailureReason"),
            StoredTime.FromColumn(row.GetDateTimeOffset("CompletedAt")),
            row.GetBoolean("FailureReported") ?? false,
            row.ETag.ToString())
        {
            Text = ReadText(row),
            NextChanceAt = row.GetBoolean("HeldForGood") == true ? null : StoredTime.FromColumn(row.GetDateTimeOffset("NextChanceAt")),
        };
    }

    private static OutboxEntry FromRow(TableEntity row) => new(
        row.RequiredString("StepKey"),
        row.RequiredString("TicketId"),
        row.RequiredString("Status"),
        row.RequiredString("Level"),
        row.RequiredString("Role"),
        row.GetString("Recipient"),
        row.RequiredInstant("DueAt"),
        row.RequiredInstant("ProducedAt"),
        row.Timestamp);
}
