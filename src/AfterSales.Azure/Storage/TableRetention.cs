using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>What one retention run purged.</summary>
public sealed record RetentionReport(int TextsPurged, int ProcessedMessagesDeleted);

/// <summary>
/// The retention purge (docs/storage.md), run with the outbox recovery: each run reads one page of at most
/// <see cref="PageSize"/> rows of each table, going on where the last run stopped, so its work is bounded whatever
/// the tables' size. Text rows older than <c>Retention__MessageBodies</c> with a final outcome lose their body, number
/// and email (<see cref="TableOutbox.PurgeTextsAsync"/>); processed webhook ids older than
/// <c>Retention__ProcessedMessages</c> are deleted. Running it twice purges nothing twice.
/// </summary>
public sealed class TableRetention
{
    /// <summary>Rows read per table and run.</summary>
    public const int PageSize = 500;

    private readonly AfterSalesTables tables;
    private readonly TextTables texts;
    private readonly RetentionSettings settings;
    private readonly TimeProvider time;
    private readonly int pageSize;

    public TableRetention(AfterSalesTables tables, TextTables texts, RetentionSettings settings, TimeProvider time)
        : this(tables, texts, settings, time, PageSize)
    {
    }

    /// <param name="pageSize">Rows read per table and run (tests use a few).</param>
    internal TableRetention(AfterSalesTables tables, TextTables texts, RetentionSettings settings, TimeProvider time, int pageSize)
    {
        this.tables = tables;
        this.texts = texts;
        this.settings = settings;
        this.time = time;
        this.pageSize = pageSize;
    }

    public async Task<RetentionReport> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var (outbox, inbound) = await tables.RetentionCheckpoint.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (purged, nextOutbox) = await tables.Outbox.PurgeTextsAsync(now - settings.MessageBodies, now, outbox, pageSize, cancellationToken)
            .ConfigureAwait(false);
        var (deleted, nextInbound) = await texts.InboundMessages.PurgeAsync(now - settings.ProcessedMessages, inbound, pageSize, cancellationToken)
            .ConfigureAwait(false);
        if (nextOutbox != outbox || nextInbound != inbound)
            await tables.RetentionCheckpoint.SaveAsync(nextOutbox, nextInbound, cancellationToken).ConfigureAwait(false);
        return new RetentionReport(purged, deleted);
    }
}
