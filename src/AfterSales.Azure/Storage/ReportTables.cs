using Azure.Core;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The tables of the managers' reports, beside <see cref="AfterSalesTables"/> with the same prefix: <c>{prefix}Tallies</c>
/// (running totals per team and day, and the index of open tickets) and <c>{prefix}ReportLog</c> (which digests and reports went out).
/// </summary>
public sealed class ReportTables
{
    private readonly TableGroup tables;

    private ReportTables(TableServiceClient service, string prefix)
    {
        tables = new TableGroup(service);
        var tallies = tables.Table(prefix + "Tallies");
        Tallies = new TableTallies(tallies);
        OpenTickets = new TableOpenTickets(tallies);
        Log = new TableReportLog(tables.Table(prefix + "ReportLog"));
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> when null.</param>
    public static ReportTables Create(StorageSettings settings, TokenCredential? credential = null) =>
        new(TableGroup.ServiceFor(settings, credential), settings.TablePrefix);

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    public static ReportTables Create(TableServiceClient service, string prefix) => new(service, prefix);

    public TableTallies Tallies { get; }

    /// <summary>The index of open tickets, in the totals table (PartitionKey <c>open</c>).</summary>
    public TableOpenTickets OpenTickets { get; }

    public TableReportLog Log { get; }

    /// <summary>Requests sent and bytes written so far on these tables.</summary>
    public TableTraffic Traffic => tables.Traffic;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes these tables with all their rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) => tables.DeleteAllAsync(cancellationToken);
}
