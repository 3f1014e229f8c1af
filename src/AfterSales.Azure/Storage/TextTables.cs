using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The tables of customer texts, beside <see cref="AfterSalesTables"/> with the same prefix:
/// <c>{prefix}OptOuts</c>, <c>{prefix}Surveys</c> and <c>{prefix}SentTexts</c>.
/// </summary>
public sealed class TextTables
{
    private readonly TableServiceClient service;
    private readonly string[] tableNames;

    private TextTables(TableServiceClient service, string prefix)
    {
        this.service = service;
        var optOuts = Table(prefix + "OptOuts");
        var surveys = Table(prefix + "Surveys");
        var sentTexts = Table(prefix + "SentTexts");
        tableNames = [optOuts.Name, surveys.Name, sentTexts.Name];
        SentTexts = new TableSentTexts(sentTexts);
        OptOuts = new TableOptOuts(optOuts);
        Surveys = new TableSurveys(surveys);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> when null.</param>
    public static TextTables Create(StorageSettings settings, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var service = settings.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(settings.TableServiceUri, credential ?? new DefaultAzureCredential());
        return new TextTables(service, settings.TablePrefix);
    }

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    public static TextTables Create(TableServiceClient service, string prefix) => new(service, prefix);

    public TableOptOuts OptOuts { get; }

    public TableSurveys Surveys { get; }

    public TableSentTexts SentTexts { get; }

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
