using Azure.Core;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The tables of the revisit programme, beside <see cref="AfterSalesTables"/> with the same prefix:
/// <c>{prefix}RevisitProgrammes</c> and <c>{prefix}RevisitCalls</c>.
/// </summary>
public sealed class RevisitTables
{
    private readonly TableGroup tables;

    private RevisitTables(TableServiceClient service, string prefix)
    {
        tables = new TableGroup(service);
        var programmes = tables.Table(prefix + "RevisitProgrammes");
        var calls = tables.Table(prefix + "RevisitCalls");
        Programmes = new TableRevisitProgrammes(programmes);
        Calls = new TableRevisitCalls(calls);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> when null.</param>
    public static RevisitTables Create(StorageSettings settings, TokenCredential? credential = null) =>
        new(TableGroup.ServiceFor(settings, credential), settings.TablePrefix);

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    public static RevisitTables Create(TableServiceClient service, string prefix) => new(service, prefix);

    public TableRevisitProgrammes Programmes { get; }

    public TableRevisitCalls Calls { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes these tables with all their rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) => tables.DeleteAllAsync(cancellationToken);
}
