using AfterSales.Azure.Storage;

namespace AfterSales.LoadRun;

/// <summary>
/// <c>--hash-customer-keys</c>: the one-off move of the three-strikes rows of a deployed store from the unkeyed customer
/// hash to the keyed one (docs/storage.md), with the deployment's <c>Storage__KeyHashSecret</c>.
/// </summary>
public static class CustomerKeyMove
{
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var storage = DeployedStorage.FromEnvironment();
        var (moved, unmatched) = await AfterSalesTables.Create(storage).MoveLegacyCustomerKeysAsync(new ContactKeys(storage.KeyHashSecret), cancellationToken);
        output.WriteLine($"moved to keyed customer hashes: {moved} three-strikes row(s) of {storage.TablePrefix}; {unmatched} customer(s) left, no stored ticket names them");
        return 0;
    }
}
