using AfterSales.Azure.Storage;

namespace AfterSales.LoadRun;

/// <summary><c>--move-legacy-tickets</c>: the one-off move of a deployed store to the partition-per-ticket layout (docs/storage.md).</summary>
public static class LegacyTicketMove
{
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var storage = DeployedStorage.FromEnvironment();
        var tables = AfterSalesTables.Create(storage);
        var moved = await tables.Tickets.MoveLegacyTicketsAsync(cancellationToken);
        output.WriteLine($"moved {moved} ticket(s) of {storage.TablePrefix}Tickets to the partition layout");
        return 0;
    }
}
