using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Texts sent or reserved, by number: PartitionKey the number's keyed hash (<see cref="ContactKeys.Phone"/>), RowKey the escaped text key; columns Key,
/// Kind, SentAt, BudgetExempt, Reserved (a reservation not yet confirmed as sent). One more row per number,
/// <see cref="GuardRowKey"/>, is the number's budget guard: every reservation rewrites it over the ETag read before
/// the budget was decided, in the same entity-group transaction as the reservation row, so of two reservations
/// decided on the same list only one is written and the other decides again.
/// </summary>
/// <remarks>
/// The guard is per number rather than per number and day because the budget has two rules, a day's non-urgent texts
/// and one survey per 30 days; a guard per day would leave the second unguarded, and a number is rarely busy.
/// </remarks>
public sealed class TableSentTexts : ISentTexts
{
    /// <summary>No text key escapes to it: text keys hold <c>/text/</c>, escaped <c>%2Ftext%2F</c>.</summary>
    internal const string GuardRowKey = "~budget";

    /// <summary>Reservations racing longer than this for one number give up for now (the text is held a minute).</summary>
    private const int MaxTries = 8;

    private readonly CountingTable table;
    private readonly ContactKeys keys;

    internal TableSentTexts(CountingTable table, ContactKeys keys)
    {
        this.table = table;
        this.keys = keys;
    }

    public async Task RecordAsync(string e164, SentText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var row = Row(e164, text with { IsReservation = false });
        if (await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false)) return;
        var known = await table.GetAsync(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
        if (known is null) await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false);
        else if (IsReservation(known)) await table.TryReplaceAsync(row, known.ETag, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SentText>> ListSinceAsync(string e164, Instant since, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {keys.Phone(e164)} and SentAt ge {StoredTime.ToColumn(since)}");
        var sent = new List<SentText>();
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == GuardRowKey) continue;
            sent.Add(new SentText(
                row.RequiredString("Key"), Enum.Parse<TextKind>(row.RequiredString("Kind")), row.RequiredInstant("SentAt"),
                row.GetBoolean("BudgetExempt") ?? false, IsReservation(row)));
        }

        return sent;
    }

    public async Task<BudgetDecision?> TryReserveAsync(
        string e164, SentText reservation, Instant since, Func<IReadOnlyList<SentText>, BudgetDecision> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(decide);
        var partition = keys.Phone(e164);
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            // The guard is read before the list: a reservation written after this read changes its ETag.
            var guard = await table.GetAsync(partition, GuardRowKey, cancellationToken).ConfigureAwait(false);
            var sent = await ListSinceAsync(e164, since, cancellationToken).ConfigureAwait(false);
            var decision = decide(sent);
            if (!decision.Send) return decision;
            if (sent.Any(s => s.Key == reservation.Key && !s.IsReservation)) return decision;

            var nextGuard = new TableEntity(partition, GuardRowKey) { ["LastReservedKey"] = reservation.Key };
            TableTransactionAction guardAction = guard is null
                ? new(TableTransactionActionType.Add, nextGuard)
                : new(TableTransactionActionType.UpdateReplace, nextGuard, guard.ETag);
            var refusal = await table.TrySubmitAsync(
                [guardAction, new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(e164, reservation with { IsReservation = true }))],
                cancellationToken).ConfigureAwait(false);
            if (refusal is null) return decision;
        }

        return null;
    }

    public async Task ReleaseAsync(string e164, string key, CancellationToken cancellationToken)
    {
        var partition = keys.Phone(e164);
        var rowKey = KeyEscaping.Escape(key);
        if (await table.GetAsync(partition, rowKey, cancellationToken).ConfigureAwait(false) is { } row && IsReservation(row))
            await table.DeleteAsync(partition, rowKey, row.ETag, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsReservation(TableEntity row) => row.GetBoolean("Reserved") ?? false;

    private TableEntity Row(string e164, SentText text) =>
        new(keys.Phone(e164), KeyEscaping.Escape(text.Key))
        {
            ["Key"] = text.Key,
            ["Kind"] = text.Kind.ToString(),
            ["SentAt"] = StoredTime.ToColumn(text.SentAt),
            ["BudgetExempt"] = text.IsBudgetExempt,
            ["Reserved"] = text.IsReservation,
        };

    /// <summary>Moves every row still under an escaped number to its hashed key (the one-off migration); returns how many.</summary>
    internal Task<int> MoveLegacyKeysAsync(CancellationToken cancellationToken) =>
        LegacyPhoneKeys.MoveAsync(
            table, key => ContactKeys.IsLegacyPhoneKey(key) ? keys.Phone(KeyEscaping.Unescape(key)) : null, cancellationToken);
}
