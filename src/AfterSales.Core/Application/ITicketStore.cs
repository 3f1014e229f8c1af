namespace AfterSales.Core.Application;

/// <summary>Ticket state with optimistic concurrency: a save succeeds only over the version it was loaded from.</summary>
public interface ITicketStore
{
    Task<VersionedTicket?> GetAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="ticket"/> if the stored version is still <paramref name="expectedVersion"/>
    /// (null: only if the ticket does not exist yet). False when someone else saved first: reload and retry.
    /// </summary>
    Task<bool> TrySaveAsync(StoredTicket ticket, string? expectedVersion, CancellationToken cancellationToken);
}
