using Azure.Core;
using Azure.Data.Tables;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The tables of customer texts, beside <see cref="AfterSalesTables"/> with the same prefix:
/// <c>{prefix}OptOuts</c>, <c>{prefix}Surveys</c>, <c>{prefix}SentTexts</c> and <c>{prefix}InboundMessages</c>.
/// </summary>
public sealed class TextTables
{
    private readonly TableGroup tables;

    private TextTables(TableServiceClient service, string prefix)
    {
        tables = new TableGroup(service);
        var optOuts = tables.Table(prefix + "OptOuts");
        var surveys = tables.Table(prefix + "Surveys");
        var sentTexts = tables.Table(prefix + "SentTexts");
        InboundMessages = new TableInboundMessages(tables.Table(prefix + "InboundMessages"));
        SentTexts = new TableSentTexts(sentTexts);
        OptOuts = new TableOptOuts(optOuts);
        Surveys = new TableSurveys(surveys);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> when null.</param>
    public static TextTables Create(StorageSettings settings, TokenCredential? credential = null) =>
        new(TableGroup.ServiceFor(settings, credential), settings.TablePrefix);

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    public static TextTables Create(TableServiceClient service, string prefix) => new(service, prefix);

    public TableOptOuts OptOuts { get; }

    public TableSurveys Surveys { get; }

    public TableSentTexts SentTexts { get; }

    public TableInboundMessages InboundMessages { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes these tables with all their rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) => tables.DeleteAllAsync(cancellationToken);
}
