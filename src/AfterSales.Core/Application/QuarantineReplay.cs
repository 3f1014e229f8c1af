using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>Puts a quarantined ticket back in the due index, due now, so the next sweep tries it again (after an admin fixed the cause).</summary>
public sealed class QuarantineReplay(ITicketQuarantine quarantine, IDueIndex dueIndex, TimeProvider time)
{
    /// <returns>False when no ticket of that id is noted.</returns>
    public async Task<bool> ReplayAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (await quarantine.GetAsync(ticketId, cancellationToken).ConfigureAwait(false) is null) return false;
        var now = DueIndexing.ToStoredPrecision(Instant.FromDateTimeOffset(time.GetUtcNow()));
        // The row first: a crash before the removal leaves the ticket listed and due, never lost.
        await dueIndex.PutAsync(new DueEntry(ticketId, now), cancellationToken).ConfigureAwait(false);
        await quarantine.RemoveAsync(ticketId, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
