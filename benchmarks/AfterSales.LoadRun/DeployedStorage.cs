using AfterSales.Azure.Storage;
using Microsoft.Extensions.Configuration;

namespace AfterSales.LoadRun;

/// <summary>The <c>Storage__*</c> settings of a deployed store, from environment variables, validated as the app does.</summary>
internal static class DeployedStorage
{
    public static StorageSettings FromEnvironment() =>
        StorageSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Environment.GetEnvironmentVariable("Storage__ConnectionString"),
            ["Storage:TableServiceUri"] = Environment.GetEnvironmentVariable("Storage__TableServiceUri"),
            ["Storage:TablePrefix"] = Environment.GetEnvironmentVariable("Storage__TablePrefix"),
            ["Storage:KeyHashSecret"] = Environment.GetEnvironmentVariable("Storage__KeyHashSecret"),
        }).Build());
}
