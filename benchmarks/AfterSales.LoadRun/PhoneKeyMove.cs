using AfterSales.Azure.Storage;

namespace AfterSales.LoadRun;

/// <summary>
/// <c>--hash-phone-keys</c>: the one-off move of the opt-out, sent-text and survey rows of a deployed store from
/// phone-number keys to the numbers' keyed hashes (docs/storage.md), with the deployment's <c>Storage__KeyHashSecret</c>.
/// </summary>
public static class PhoneKeyMove
{
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var storage = DeployedStorage.FromEnvironment();
        var (optOuts, sentTexts, surveys) = await TextTables.Create(storage).MoveLegacyPhoneKeysAsync(cancellationToken);
        output.WriteLine($"moved to hashed keys: {optOuts} opt-out row(s), {sentTexts} sent-text row(s), {surveys} survey row(s) of {storage.TablePrefix}");
        return 0;
    }
}
