using Azure.Core;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The AfterSales tables of one storage account and prefix (<c>{prefix}Tickets</c>, <c>DueIndex</c>, <c>Outbox</c>,
/// <c>RejectedEvents</c>, <c>Deliveries</c>, <c>SweepState</c>, <c>Quarantine</c>, <c>CustomerTickets</c>) and the stores built on them.
/// </summary>
public sealed class AfterSalesTables
{
    private readonly TableGroup tables;

    private AfterSalesTables(TableServiceClient service, string prefix)
    {
        tables = new TableGroup(service);
        Reads = new TableReadCounter();
        var tickets = tables.Table(prefix + "Tickets", Reads.CountTicket);
        var dueIndex = tables.Table(prefix + "DueIndex", Reads.CountDueIndex);
        var outbox = tables.Table(prefix + "Outbox", Reads.CountOther);
        var rejected = tables.Table(prefix + "RejectedEvents", Reads.CountOther);
        var deliveries = tables.Table(prefix + "Deliveries", Reads.CountOther);
        var sweepState = tables.Table(prefix + "SweepState", Reads.CountOther);
        var quarantine = tables.Table(prefix + "Quarantine", Reads.CountOther);
        var customers = tables.Table(prefix + "CustomerTickets", Reads.CountOther);

        Tickets = new TableTicketStore(tickets);
        DueIndex = new TableDueIndex(dueIndex, new DueCheckpoint(sweepState));
        Outbox = new TableOutbox(outbox);
        StepStatuses = new TableStepStatuses(outbox);
        RejectedEvents = new TableRejectedEvents(rejected);
        Deliveries = new TableDeliveries(deliveries);
        SweepLease = new TableSweepLease(sweepState);
        FailureSummaryLog = new TableFailureSummaryLog(sweepState);
        Quarantine = new TableTicketQuarantine(quarantine);
        RetentionCheckpoint = new RetentionCheckpoint(sweepState);
        CustomerTickets = new TableCustomerTickets(customers);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> (managed identity in Azure) when null.</param>
    public static AfterSalesTables Create(StorageSettings settings, TokenCredential? credential = null) =>
        new(TableGroup.ServiceFor(settings, credential), settings.TablePrefix);

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    public static AfterSalesTables Create(TableServiceClient service, string prefix) => new(service, prefix);

    public TableTicketStore Tickets { get; }

    public TableDueIndex DueIndex { get; }

    public TableOutbox Outbox { get; }

    public TableStepStatuses StepStatuses { get; }

    public TableRejectedEvents RejectedEvents { get; }

    public TableDeliveries Deliveries { get; }

    public TableSweepLease SweepLease { get; }

    public TableFailureSummaryLog FailureSummaryLog { get; }

    /// <summary>Tickets the sweep could not process, quarantined after a few tries.</summary>
    public TableTicketQuarantine Quarantine { get; }

    internal RetentionCheckpoint RetentionCheckpoint { get; }

    /// <summary>Each customer's tickets and three-strikes flags, under a hash of the customer id.</summary>
    public TableCustomerTickets CustomerTickets { get; }

    /// <summary>
    /// The one-off move of three-strikes rows keyed by the unkeyed customer hash (written before the keyed hash) to
    /// <see cref="ContactKeys.Customer"/>: the customer id is not stored, so it is read from the opening of a ticket the
    /// customer's rows list (and checked against the old key); the rows are then copied under the new key and the old
    /// ones deleted. A customer none of whose tickets is stored any more is left where it is and counted apart.
    /// Running it twice, or beside the service, writes the same rows again and loses nothing.
    /// </summary>
    /// <returns>The rows moved, and the old keys left because no stored ticket names their customer.</returns>
    public async Task<(int Moved, int Unmatched)> MoveLegacyCustomerKeysAsync(ContactKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ticketsOf = await CustomerTickets.LegacyPartitionsAsync(cancellationToken).ConfigureAwait(false);
        var newKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (oldKey, ticketIds) in ticketsOf)
        {
            foreach (var ticketId in ticketIds)
            {
                var ticket = await Tickets.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
                var opened = ticket?.Ticket.History.Events.OfType<Core.Events.TicketOpened>().FirstOrDefault();
                if (opened is null || Core.ThreeStrikes.CustomerKeys.For(opened.Customer.Id) != oldKey) continue;
                newKeys[oldKey] = keys.Customer(opened.Customer.Id);
                break;
            }
        }

        var moved = await CustomerTickets.MoveKeysAsync(newKeys, cancellationToken).ConfigureAwait(false);
        return (moved, ticketsOf.Count - newKeys.Count);
    }

    /// <summary>Requests sent and bytes written so far, every table of the group together.</summary>
    public TableTraffic Traffic => tables.Traffic;

    /// <summary>Entities read so far, per table.</summary>
    public TableReadCounter Reads { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes these tables with all their rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) => tables.DeleteAllAsync(cancellationToken);
}
