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

    private TextTables(TableServiceClient service, string prefix, ContactKeys keys)
    {
        tables = new TableGroup(service);
        var optOuts = tables.Table(prefix + "OptOuts");
        var surveys = tables.Table(prefix + "Surveys");
        var sentTexts = tables.Table(prefix + "SentTexts");
        InboundMessages = new TableInboundMessages(tables.Table(prefix + "InboundMessages"));
        SentTexts = new TableSentTexts(sentTexts, keys);
        OptOuts = new TableOptOuts(optOuts, keys);
        Surveys = new TableSurveys(surveys, keys);
    }

    /// <param name="credential">For <see cref="StorageSettings.TableServiceUri"/>: <see cref="DefaultAzureCredential"/> when null.</param>
    public static TextTables Create(StorageSettings settings, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(TableGroup.ServiceFor(settings, credential), settings.TablePrefix, new ContactKeys(settings.KeyHashSecret));
    }

    /// <summary>The tables of <paramref name="prefix"/> on a client built elsewhere (Microsoft.Extensions.Azure in the hosts).</summary>
    /// <param name="keyHashSecret"><c>Storage__KeyHashSecret</c>, the key of the hashes that stand for phone numbers in table keys.</param>
    public static TextTables Create(TableServiceClient service, string prefix, string keyHashSecret) => new(service, prefix, new ContactKeys(keyHashSecret));

    public TableOptOuts OptOuts { get; }

    public TableSurveys Surveys { get; }

    public TableSentTexts SentTexts { get; }

    public TableInboundMessages InboundMessages { get; }

    /// <summary>
    /// The one-off migration (docs/storage.md): moves every row whose key still holds a phone number to the number's
    /// hashed key, in the opt-out, sent-text and survey tables. Safe beside the service and safe to run again.
    /// </summary>
    /// <returns>Rows moved per table.</returns>
    public async Task<(int OptOuts, int SentTexts, int Surveys)> MoveLegacyPhoneKeysAsync(CancellationToken cancellationToken) => (
        await OptOuts.MoveLegacyKeysAsync(cancellationToken).ConfigureAwait(false),
        await SentTexts.MoveLegacyKeysAsync(cancellationToken).ConfigureAwait(false),
        await Surveys.MoveLegacyKeysAsync(cancellationToken).ConfigureAwait(false));

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes these tables with all their rows (tests and load runs). Missing tables are fine.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) => tables.DeleteAllAsync(cancellationToken);
}
