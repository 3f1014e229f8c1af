using AfterSales.Azure.Storage;

namespace AfterSales.Azure.Tests.Support;

/// <summary>A <see cref="StorageTest"/> that also has the customer-text tables (texts, opt-outs, surveys) of its prefix.</summary>
public abstract class TextStorageTest : StorageTest, IAsyncLifetime
{
    protected TextTables Texts { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Texts = TextTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await Texts.CreateIfNotExistsAsync(CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Texts.DeleteAllAsync(CancellationToken.None);
        await DisposeAsync();
    }
}
