using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The AfterSales tables of one storage account and prefix (<c>{prefix}Tickets</c>, <c>DueIndex</c>, <c>Outbox</c>,
/// <c>RejectedEvents</c>, <c>Deliveries</c>, <c>SweepState</c>) and the stores built on them.
/// </summary>
public sealed class AfterSalesTables
{
    private readonly TableServiceClient service;
    private readonly string[] tableNames;

    private AfterSalesTables(TableServiceClient service, string prefix)
    {
        this.service = service;
        Reads = new TableReadCounter();
        var tickets = Table(prefix + "Tickets", Reads.CountTicket);
        var dueIndex = Table(prefix + "DueIndex", Reads.CountDueIndex);
        var outbox = Table(prefix + "Outbox", Reads.CountOther);
        var rejected = Table(prefix + "RejectedEvents", Reads.CountOther);
        var deliveries = Table(prefix + "Deliveries", Reads.CountOther);
        var sweepState = Table(prefix + "SweepState", Reads.CountOther);
        tableNames = [tickets.Name, dueIndex.Name, outbox.Name, rejected.Name, deliveries.Name, sweepState.Name];

        Tickets = new TableTicketStore(tickets);
        DueIndex = new TableDueIndex(dueIndex, new DueCheckpoint(sweepState));
        Outbox = new TableOutbox(outbox);
        StepStatuses = new TableStepStatuses(outbox);
        RejectedEvents = new TableRejectedEvents(rejected);
        Deliveries = new TableDeliveries(deliveries);
        SweepLease = new TableSweepLease(sweepState);
        FailureSummaryLog = new TableFailureSummaryLog(sweepState);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> (managed identity in Azure) when null.</param>
    public static AfterSalesTables Create(StorageSettings settings, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var service = (settings.ConnectionString, settings.TableServiceUri) switch
        {
            ({ } connectionString, null) => new TableServiceClient(connectionString),
            (null, { } uri) => new TableServiceClient(uri, credential ?? new DefaultAzureCredential()),
            _ => throw new ArgumentException("Set exactly one of ConnectionString and TableServiceUri.", nameof(settings)),
        };
        return new AfterSalesTables(service, settings.TablePrefix);
    }

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

    /// <summary>Entities read so far, per table.</summary>
    public TableReadCounter Reads { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(tableNames.Select(name => service.CreateTableIfNotExistsAsync(name, cancellationToken)));

    /// <summary>Deletes every table of this prefix with all its rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(tableNames.Select(name => DeleteTableAsync(name, cancellationToken)));

    private async Task DeleteTableAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await service.DeleteTableAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Already gone.
        }
    }

    private CountingTable Table(string name, Action countRead) => new(service.GetTableClient(name), countRead);
}
