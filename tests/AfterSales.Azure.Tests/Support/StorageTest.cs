using AfterSales.Azure.Storage;
using Azure.Data.Tables;
using NodaTime;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// A test with its own AfterSales tables in Azurite: a random prefix, created before the test and deleted after it,
/// so tests never see each other's rows and can run in parallel.
/// </summary>
public abstract class StorageTest : IAsyncLifetime
{
    protected string ConnectionString { get; private set; } = "";

    protected string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..20];

    protected AfterSalesTables Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await Azurite.ConnectionStringAsync();
        Tables = AfterSalesTables.Create(TestStorage.Settings(ConnectionString, Prefix));
        await Tables.CreateIfNotExistsAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Tables?.DeleteAllAsync(CancellationToken.None) ?? Task.CompletedTask;

    /// <summary>Direct access to one of this test's tables, by name without the prefix (e.g. <c>Tickets</c>), to look at raw rows.</summary>
    protected TableClient RawTable(string name) => new TableServiceClient(ConnectionString).GetTableClient(Prefix + name);

    /// <summary>The due instants of every due-index row of <paramref name="ticketId"/>, read directly (not counted).</summary>
    protected async Task<List<Instant>> DueRowsOfAsync(string ticketId)
    {
        var rows = new List<Instant>();
        await foreach (var row in RawTable("DueIndex").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"TicketId eq {ticketId}")))
            rows.Add(Instant.FromDateTimeOffset(row.GetDateTimeOffset("DueAt")!.Value));
        return [.. rows.Order()];
    }

    /// <summary>Another set of tables on the same Azurite, with its own prefix (deleted by the caller).</summary>
    protected AfterSalesTables OtherTables(out string prefix)
    {
        prefix = "t" + Guid.NewGuid().ToString("N")[..20];
        return AfterSalesTables.Create(TestStorage.Settings(ConnectionString, prefix));
    }
}
