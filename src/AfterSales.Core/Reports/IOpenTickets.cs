namespace AfterSales.Core.Reports;

/// <summary>
/// The open tickets, listed per team and over all teams with the oldest first, so a digest reads the few oldest without
/// reading every ticket. Kept by the sweep beside the running totals: a ticket is listed when its opening (or reopening)
/// is counted and unlisted when its resolution is. Listing and unlisting are idempotent (an event or a sweep processed
/// twice changes nothing).
/// </summary>
public interface IOpenTickets
{
    Task OpenAsync(OpenTicket ticket, CancellationToken cancellationToken);

    /// <summary>Unlists the ticket's cycle; nothing happens when it is not listed.</summary>
    Task CloseAsync(OpenTicket ticket, CancellationToken cancellationToken);

    /// <summary>The <paramref name="count"/> oldest open tickets of <paramref name="team"/> (null: of all teams), oldest first.</summary>
    Task<IReadOnlyList<OpenTicket>> OldestAsync(string? team, int count, CancellationToken cancellationToken);

    /// <summary>Forgets every listed ticket (before a rebuild from the stored tickets).</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
