using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>A ticket the sweep could not process, with how often and why.</summary>
/// <param name="DueAt">The due-index row it failed on (put back, at replay time, by a replay).</param>
/// <param name="Quarantined">True once it failed <see cref="DueSweep.QuarantineAfter"/> times: it is out of the due index until replayed.</param>
public sealed record QuarantinedTicket(string TicketId, Instant DueAt, int Failures, string LastError, Instant LastFailedAt, bool Quarantined);

/// <summary>
/// Where the sweep notes tickets whose processing fails. After a few tries a ticket is quarantined: taken out of the due
/// index so it no longer holds the sweep checkpoint back, listed with its error for an admin, replayable once fixed.
/// </summary>
public interface ITicketQuarantine
{
    /// <summary>Counts one more failure of <paramref name="entry"/>'s ticket; quarantined from the <paramref name="quarantineAfter"/>th.</summary>
    Task<QuarantinedTicket> RecordFailureAsync(DueEntry entry, string error, int quarantineAfter, Instant now, CancellationToken cancellationToken);

    /// <summary>Every noted ticket, quarantined or not yet.</summary>
    IAsyncEnumerable<QuarantinedTicket> ListAsync(CancellationToken cancellationToken);

    Task<QuarantinedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken);

    Task RemoveAsync(string ticketId, CancellationToken cancellationToken);
}
