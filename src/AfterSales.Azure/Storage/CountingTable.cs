using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// One table, with every entity read counted (<see cref="TableReadCounter"/>), every request and byte written counted
/// (<see cref="TableTraffic"/>), and the expected write outcomes (exists already, changed since read, gone) returned as
/// false instead of thrown.
/// </summary>
internal sealed class CountingTable(TableClient client, Action countRead, TableTraffic traffic)
{
    public string Name => client.Name;

    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        traffic.CountRequest();
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!response.HasValue) return null;
        countRead();
        return response.Value;
    }

    /// <param name="filter">An OData filter; build it with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>. Null reads the whole table.</param>
    /// <param name="maxPerPage">Rows per request (the service's 1,000 when null): a caller that stops early reads no more pages.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter, IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken, int? maxPerPage = null)
    {
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken).AsPages();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            traffic.CountRequest();
            foreach (var row in page.Values)
            {
                countRead();
                yield return row;
            }
        }
    }

    /// <summary>One page of a query, from <paramref name="continuation"/> (null: the start): bounded work for a background pass.</summary>
    /// <returns>The rows and where the next page starts (null: the query is done).</returns>
    public async Task<(IReadOnlyList<TableEntity> Rows, string? Continuation)> QueryPageAsync(
        string filter, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            traffic.CountRequest();
            foreach (var _ in page.Values) countRead();
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <returns>False when a row with these keys exists already.</returns>
    public async Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        CountWrite(entity);
        try
        {
            await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (TableErrors.IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>Replaces the whole row if it is still at <paramref name="etag"/>.</summary>
    /// <returns>False when the row changed or disappeared since it was read.</returns>
    public async Task<bool> TryReplaceAsync(TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        CountWrite(entity);
        try
        {
            await client.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (TableErrors.IsPreconditionFailed(e) || TableErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>Sets the given columns, keeping the others, if the row is still at <paramref name="etag"/>.</summary>
    /// <returns>The row's new ETag; null when the row changed or disappeared since it was read.</returns>
    public async Task<ETag?> TryMergeAsync(TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        CountWrite(entity);
        try
        {
            var response = await client.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (TableErrors.IsPreconditionFailed(e) || TableErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Sets the given columns, keeping the others, if the row still exists.</summary>
    /// <returns>False when there is no such row.</returns>
    public async Task<bool> TryMergeAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        CountWrite(entity);
        try
        {
            await client.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            return false;
        }
    }

    public Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        CountWrite(entity);
        return client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Upserts rows of one partition in a single transaction (at most <see cref="MaxBatchSize"/>).</summary>
    public Task UpsertBatchAsync(IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync([.. entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))], cancellationToken);

    /// <summary>
    /// Deletes rows of one partition (at most <see cref="MaxBatchSize"/>) whatever their ETag, in one transaction; rows
    /// already gone are not an error. The service refuses a whole transaction over one missing row, naming it: the
    /// transaction is sent again without that row.
    /// </summary>
    public async Task DeleteBatchAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            var refusal = await TrySubmitAsync(
                [.. pending.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All))], cancellationToken).ConfigureAwait(false);
            if (refusal is null) return;
            if (refusal is not { Status: 404, ActionIndex: { } missing } || missing >= pending.Count)
            {
                // The service did not say which row: one request per row, each tolerant of a missing row.
                foreach (var row in pending) await DeleteAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                return;
            }
            pending.RemoveAt(missing);
        }
    }

    /// <summary>Runs the actions (one partition, at most <see cref="MaxBatchSize"/>) as one entity-group transaction: all or none.</summary>
    public async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        traffic.CountRequest();
        foreach (var action in actions) traffic.CountWrite(action.Entity);
        await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same, with the expected refusals (409 exists, 412 changed, 404 gone) returned instead of thrown.</summary>
    /// <returns>Null when every action was applied; else which action was refused and how.</returns>
    public async Task<TransactionRefusal?> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (TableTransactionFailedException e) when (TableErrors.IsConflict(e) || TableErrors.IsPreconditionFailed(e) || TableErrors.IsNotFound(e))
        {
            return new TransactionRefusal(e.FailedTransactionActionIndex, e.Status);
        }
    }

    private void CountWrite(ITableEntity entity)
    {
        traffic.CountRequest();
        traffic.CountWrite(entity);
    }

    /// <summary>The most actions one table transaction may hold.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Deletes the row if it is still at <paramref name="etag"/> (<see cref="ETag.All"/>: whatever it is); a missing row is not an error.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        traffic.CountRequest();
        try
        {
            await client.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (TableErrors.IsPreconditionFailed(e) || TableErrors.IsNotFound(e))
        {
            // Someone else changed or removed it first: nothing left to do.
        }
    }
}

/// <summary>Which action of a transaction the service refused (null when it did not say) and its status (409, 412, 404).</summary>
internal sealed record TransactionRefusal(int? ActionIndex, int Status);
