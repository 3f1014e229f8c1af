using System.Runtime.CompilerServices;
using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// A partition per ticket (see <see cref="TicketRowKeys"/> and docs/storage.md): one row per event, one per produced
/// step, and a state row whose ETag versions the ticket. Appending an event is one insert of its row; saving a sweep's
/// work is one entity-group transaction (the produced-step rows and the state row): atomic, with no ceiling on the
/// ticket's size, at a cost that does not grow with its age. A ticket whose events no sweep has saved yet has no state
/// row: its version says so, and the first save adds the row. A ticket still in the old one-row layout
/// (its history as JSON on the state row) is moved to this one the first time it is touched (<see cref="LegacyTicketRow"/>).
/// A ticket whose state row is still under the old shared key (<see cref="TicketRowKeys.OldState"/>) moves it to its own
/// key in its next save, in the same transaction (<see cref="StateRowVersion"/>).
/// </summary>
public sealed class TableTicketStore : ITicketStore
{
    private const string IndexedDueAtColumn = "IndexedDueAt";
    private const string EventColumn = "Event";
    private const string ReassessAtColumn = "ReassessAtTicks";
    private const long NoReassessment = 0;
    private static readonly TicketEventParser StoredEvents = TicketEventParser.ForStoredEvents();

    private readonly CountingTable table;

    internal TableTicketStore(CountingTable table) => this.table = table;

    public async Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketRowKeys.Partition(ticketId)}");
        var rows = new TicketPartitionRows(ticketId);
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false)) rows.Add(row);
        if (rows.OldState is { } old && LegacyTicketRow.IsLegacy(old))
        {
            await MoveLegacyAsync(old, cancellationToken).ConfigureAwait(false);
            return await GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
        }
        return rows.HasTicket ? new VersionedTicket(rows.Ticket(), rows.Version) : null;
    }

    /// <summary>
    /// Only the state row (one point read): its version and the instants under which the due index lists the ticket.
    /// Null for a ticket whose state is still under the old key, or whose events no sweep has saved yet. No handler
    /// needs it (the ingestion reads nothing); tests and the load run's point-read rate do.
    /// </summary>
    public async Task<TicketState?> GetStateAsync(string ticketId, CancellationToken cancellationToken)
    {
        var state = await table.GetAsync(TicketRowKeys.Partition(ticketId), TicketRowKeys.State(ticketId), cancellationToken).ConfigureAwait(false);
        return state is null ? null : new TicketState(IndexedDueAtOf(state), ReassessAtOf(state), state.ETag.ToString());
    }

    public async Task<AppendOutcome> TryAddEventAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var partition = TicketRowKeys.Partition(ticketEvent.TicketId);
        var json = TicketEventWriter.ToJson(ticketEvent);
        var eventRow = EventRow(partition, ticketEvent, json);
        if (await table.TryAddAsync(eventRow, cancellationToken).ConfigureAwait(false)) return AppendOutcome.Appended;

        // An event with this id is there already: the same one delivered again, or another one reusing the id.
        var stored = await table.GetAsync(partition, eventRow.RowKey, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Event {ticketEvent.EventId} of ticket {ticketEvent.TicketId} was refused as a duplicate and is not there.");
        return LongText.Read(stored, EventColumn) == json ? AppendOutcome.Duplicate : AppendOutcome.ConflictingDuplicate;
    }

    public async Task<bool> TrySaveProgressAsync(
        TicketHistory history, IReadOnlyCollection<string> producedSteps, Instant? indexedDueAt, string expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(producedSteps);
        var partition = TicketRowKeys.Partition(history.TicketId);
        var version = StateRowVersion.Parse(expectedVersion);
        var state = new TableEntity(partition, TicketRowKeys.State(history.TicketId)) { ["TicketId"] = history.TicketId };
        TicketSummaryColumns.Write(state, history);
        SetIndexedDueAt(state, indexedDueAt);
        state[ReassessAtColumn] = NoReassessment;
        var markers = producedSteps.Distinct(StringComparer.Ordinal)
            .Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ProducedRow(partition, key)))
            .ToList();
        List<TableTransactionAction> stateActions =
        [
            // Every column is written (a merge leaves others as they are; an add has nothing else), so a new row is whole.
            version.Current is { } etag
                ? new(TableTransactionActionType.UpdateMerge, state, etag)
                : new(TableTransactionActionType.Add, state),
        ];
        // A ticket still having its state under the old key moves it here: a concurrent writer changes one of the ETags.
        if (version.Old is { } old) stateActions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, TicketRowKeys.OldState), old));
        // A transaction holds at most 100 actions: markers beyond that go first on their own. Marking a step produced
        // without the state row is harmless even if this save then loses: its outbox row exists, it was produced.
        var last = markers.Count % (CountingTable.MaxBatchSize - stateActions.Count);
        foreach (var chunk in markers.Take(markers.Count - last).Chunk(CountingTable.MaxBatchSize))
            await table.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
        List<TableTransactionAction> final = [.. markers.Skip(markers.Count - last), .. stateActions];
        return await table.TrySubmitAsync(final, cancellationToken).ConfigureAwait(false) is null;
    }

    /// <summary>
    /// Every stored ticket, for rebuilding the due index (and the load run's full-scan baseline), in one pass over the
    /// whole table: a request per thousand rows, not one per ticket. The service returns rows in PartitionKey order, so
    /// a ticket's rows come together. A ticket still in the old one-row layout is read as it is, not moved.
    /// </summary>
    public async IAsyncEnumerable<StoredTicket> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TicketPartitionRows? current = null;
        await foreach (var row in table.QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            if (current is null || !current.Holds(row))
            {
                if (current?.HasTicket == true) yield return current.Ticket();
                current = new TicketPartitionRows(KeyEscaping.Unescape(row.PartitionKey));
            }
            current.Add(row);
        }
        if (current?.HasTicket == true) yield return current.Ticket();
    }

    /// <summary>Every stored ticket's history, in the same one pass as <see cref="ListAllAsync"/> (the totals' rebuild; never the hot path).</summary>
    public async IAsyncEnumerable<TicketHistory> AllHistoriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var ticket in ListAllAsync(cancellationToken).ConfigureAwait(false)) yield return ticket.History;
    }

    /// <summary>
    /// Moves every ticket still in the old one-row layout to the partition layout (the one-off migration, docs/storage.md).
    /// Safe to run while the service runs, and again: a moved ticket is skipped.
    /// </summary>
    /// <returns>How many tickets were moved.</returns>
    public async Task<int> MoveLegacyTicketsAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {TicketRowKeys.OldState}");
        var legacy = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(filter, null, cancellationToken).ConfigureAwait(false))
            if (LegacyTicketRow.IsLegacy(row)) legacy.Add(row);
        foreach (var row in legacy) await MoveLegacyAsync(row, cancellationToken).ConfigureAwait(false);
        return legacy.Count;
    }

    /// <summary>
    /// Stores a whole ticket that does not exist yet (seeding load runs and tests, importing): its event and
    /// produced-step rows in transactions of a hundred, the state row in the last one.
    /// </summary>
    /// <returns>
    /// False when the ticket exists already (its s| state row is there); rows written before that are the same rows.
    /// A ticket stored only under the old <c>state</c> key is not seen (that would cost a read per ticket): it then has
    /// both state rows until its next save removes the old one (docs/storage.md). Nor is a ticket whose ingested
    /// events no sweep has saved yet (it has no state row): its history becomes both. Use it on tickets not stored yet.
    /// </returns>
    public async Task<bool> TryAddWholeAsync(StoredTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var (rows, state) = WholeTicketRows(ticket);
        var actions = rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))
            .Append(new TableTransactionAction(TableTransactionActionType.Add, state)).ToList();
        var last = actions.Count % CountingTable.MaxBatchSize is 0 ? CountingTable.MaxBatchSize : actions.Count % CountingTable.MaxBatchSize;
        foreach (var chunk in actions.Take(actions.Count - last).Chunk(CountingTable.MaxBatchSize))
            await table.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
        return await table.TrySubmitAsync([.. actions.Skip(actions.Count - last)], cancellationToken).ConfigureAwait(false) is null;
    }

    /// <summary>
    /// Writes the old row's events and produced keys as rows of their own, then, in one transaction conditional on the old
    /// row's ETag, deletes it and adds the s| state row. Rows written by a move that then loses the race are the same rows
    /// the winner writes. A ticket that received an event since has an s| row already (the ingestion took it for new):
    /// that row stays the state and the old row only goes (the due-index row the old row named is repaired as any row the
    /// state does not name, docs/storage.md).
    /// </summary>
    private async Task MoveLegacyAsync(TableEntity legacyRow, CancellationToken cancellationToken)
    {
        var (history, indexedDueAt) = LegacyTicketRow.Read(legacyRow);
        var (rows, state) = WholeTicketRows(new StoredTicket(history, indexedDueAt));
        foreach (var chunk in rows.Chunk(CountingTable.MaxBatchSize))
            await table.UpsertBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
        var removeOld = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(legacyRow.PartitionKey, legacyRow.RowKey), legacyRow.ETag);
        var refusal = await table.TrySubmitAsync([removeOld, new(TableTransactionActionType.Add, state)], cancellationToken).ConfigureAwait(false);
        if (refusal is { ActionIndex: 1, Status: 409 }) await table.TrySubmitAsync([removeOld], cancellationToken).ConfigureAwait(false);
    }

    private static (List<TableEntity> Rows, TableEntity State) WholeTicketRows(StoredTicket ticket)
    {
        var history = ticket.History;
        var partition = TicketRowKeys.Partition(history.TicketId);
        List<TableEntity> rows = [.. history.Events.Select(e => EventRow(partition, e, TicketEventWriter.ToJson(e))),
            .. history.ProducedSteps.Select(key => ProducedRow(partition, key))];
        var state = new TableEntity(partition, TicketRowKeys.State(history.TicketId)) { ["TicketId"] = history.TicketId };
        TicketSummaryColumns.Write(state, history);
        SetIndexedDueAt(state, ticket.IndexedDueAt);
        state[ReassessAtColumn] = ticket.ReassessAt?.ToUnixTimeTicks() ?? NoReassessment;
        return (rows, state);
    }

    internal static TableEntity EventRow(string partition, TicketEvent ticketEvent, string json)
    {
        var row = new TableEntity(partition, TicketRowKeys.Event(ticketEvent.EventId))
        {
            ["Type"] = ticketEvent.Type,
            ["OccurredAt"] = StoredTime.ToColumn(ticketEvent.OccurredAt),
        };
        LongText.Write(row, EventColumn, json);
        return row;
    }

    private static TableEntity ProducedRow(string partition, string stepKey) =>
        new(partition, TicketRowKeys.Produced(stepKey)) { ["StepKey"] = stepKey };

    internal static TicketEvent ReadEvent(string ticketId, TableEntity row)
    {
        var parsed = StoredEvents.Parse(LongText.Read(row, EventColumn));
        return parsed.Event as TicketEvent
            ?? throw new InvalidDataException($"Stored ticket {ticketId} holds an event that no longer reads: {parsed.Rejection}");
    }

    /// <summary>A merge does not write null columns, so "not indexed" is a column of its own.</summary>
    private static void SetIndexedDueAt(TableEntity state, Instant? indexedDueAt)
    {
        state["Indexed"] = indexedDueAt is not null;
        if (indexedDueAt is { } due) state[IndexedDueAtColumn] = StoredTime.ToColumn(StoredTime.RequireWholeTicks(due, nameof(indexedDueAt)));
    }

    /// <summary>Unix ticks, so that a merge can clear it (0) where it could not write a null.</summary>
    internal static Instant? ReassessAtOf(TableEntity state) =>
        state.GetInt64(ReassessAtColumn) is { } ticks and not NoReassessment ? Instant.FromUnixTimeTicks(ticks) : null;

    internal static Instant? IndexedDueAtOf(TableEntity state) =>
        state.GetBoolean("Indexed") == false ? null : StoredTime.FromColumn(state.GetDateTimeOffset(IndexedDueAtColumn));
}
