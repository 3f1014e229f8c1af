using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace AfterSales.Azure.Storage;

/// <summary>
/// Tables of one prefix on one service client, created and deleted together: what <see cref="AfterSalesTables"/>,
/// <see cref="TextTables"/> and <see cref="RevisitTables"/> each hold.
/// </summary>
internal sealed class TableGroup(TableServiceClient service)
{
    private readonly List<string> names = [];

    /// <summary>Requests and bytes written on every table of the group.</summary>
    public TableTraffic Traffic { get; } = new();

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> (managed identity in Azure) when null.</param>
    public static TableServiceClient ServiceFor(StorageSettings settings, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.ConnectionString, settings.TableServiceUri) switch
        {
            ({ } connectionString, null) => new TableServiceClient(connectionString),
            (null, { } uri) => new TableServiceClient(uri, credential ?? new DefaultAzureCredential()),
            _ => throw new ArgumentException("Set exactly one of ConnectionString and TableServiceUri.", nameof(settings)),
        };
    }

    public CountingTable Table(string name, Action? countRead = null)
    {
        names.Add(name);
        return new CountingTable(service.GetTableClient(name), countRead ?? (() => { }), Traffic);
    }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(names.Select(name => service.CreateTableIfNotExistsAsync(name, cancellationToken)));

    /// <summary>Deletes every table of the group with all its rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(names.Select(name => DeleteTableAsync(name, cancellationToken)));

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
}
