using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The tables of the revisit programme, beside <see cref="AfterSalesTables"/> with the same prefix:
/// <c>{prefix}RevisitProgrammes</c> and <c>{prefix}RevisitCalls</c>.
/// </summary>
public sealed class RevisitTables
{
    private readonly TableServiceClient service;
    private readonly string[] tableNames;

    private RevisitTables(TableServiceClient service, string prefix)
    {
        this.service = service;
        var programmes = Table(prefix + "RevisitProgrammes");
        var calls = Table(prefix + "RevisitCalls");
        tableNames = [programmes.Name, calls.Name];
        Programmes = new TableRevisitProgrammes(programmes);
        Calls = new TableRevisitCalls(calls);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> when null.</param>
    public static RevisitTables Create(StorageSettings settings, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var service = settings.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(settings.TableServiceUri, credential ?? new DefaultAzureCredential());
        return new RevisitTables(service, settings.TablePrefix);
    }

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    public static RevisitTables Create(TableServiceClient service, string prefix) => new(service, prefix);

    public TableRevisitProgrammes Programmes { get; }

    public TableRevisitCalls Calls { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(tableNames.Select(name => service.CreateTableIfNotExistsAsync(name, cancellationToken)));

    /// <summary>Deletes these tables with all their rows (tests). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(tableNames.Select(async name =>
        {
            try
            {
                await service.DeleteTableAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
            {
                // Already gone.
            }
        }));

    private CountingTable Table(string name) => new(service.GetTableClient(name), () => { });
}
