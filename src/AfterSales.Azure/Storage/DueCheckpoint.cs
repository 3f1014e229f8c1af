using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The oldest due-index hour that may still hold rows, so that a sweep does not look at every hour ever. It only
/// moves forward, and only to five minutes before a sweep that handled everything due, which leaves room for an
/// index write that was computed just before that sweep and lands just after it.
/// </summary>
internal sealed class DueCheckpoint(CountingTable sweepState)
{
    /// <summary>How far behind a completed sweep the checkpoint stays.</summary>
    public static readonly Duration SafetyMargin = Duration.FromMinutes(5);

    /// <summary>Where to start before any sweep completed.</summary>
    public static readonly Duration FirstLookBack = Duration.FromHours(24);

    private const string BucketColumn = "Bucket";

    /// <summary>The first hour a sweep at <paramref name="now"/> must read: never later than the hour five minutes ago.</summary>
    public async Task<HourBucket> FirstBucketAsync(Instant now, CancellationToken cancellationToken)
    {
        var row = await sweepState.GetAsync(SweepStateRows.PartitionKey, SweepStateRows.Checkpoint, cancellationToken).ConfigureAwait(false);
        var stored = row?.GetString(BucketColumn) is { } key ? HourBucket.Parse(key) : HourBucket.Of(now).Minus(FirstLookBack);
        return HourBucket.Earlier(stored, HourBucket.Of(now - SafetyMargin));
    }

    /// <summary>Moves the checkpoint to the hour five minutes before <paramref name="now"/>; never back, and a lost race changes nothing.</summary>
    public async Task AdvanceAsync(Instant now, CancellationToken cancellationToken)
    {
        var target = HourBucket.Of(now - SafetyMargin);
        var row = await sweepState.GetAsync(SweepStateRows.PartitionKey, SweepStateRows.Checkpoint, cancellationToken).ConfigureAwait(false);
        var updated = new TableEntity(SweepStateRows.PartitionKey, SweepStateRows.Checkpoint)
        {
            [BucketColumn] = target.Key,
            ["UpdatedAt"] = StoredTime.ToColumn(now),
        };
        if (row is null)
        {
            await sweepState.TryAddAsync(updated, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (row.GetString(BucketColumn) is { } key && HourBucket.Parse(key) >= target) return;
        await sweepState.TryReplaceAsync(updated, row.ETag, cancellationToken).ConfigureAwait(false);
    }
}
